/**
 * The corpus (test/corpus) as a regression gate: stays and intents must stay at or above
 * 95%, overall and per language, with or without the conversation's locale as a hint.
 */
import { loadCorpus, scoreCorpus } from '../../tools/corpus';

const corpus = loadCorpus();

describe('understanding corpus', () => {
  it('has the sizes the issue asks for', () => {
    const count = (l: string): number => corpus.filter((c) => c.locale === l).length;
    expect(count('en')).toBeGreaterThanOrEqual(150);
    expect(count('fr')).toBeGreaterThanOrEqual(150);
    expect(count('es')).toBeGreaterThanOrEqual(40);
    expect(count('pt')).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
  });

  it.each([false, true])('scores ≥ 0.95 on stays and intents (locale as hint: %s)', (hint) => {
    const score = scoreCorpus(corpus, hint);
    const report = score.failures.filter((f) => f.field === 'stay' || f.field === 'intent').map((f) => `${f.id} ${f.field}: ${JSON.stringify(f.expected)} ≠ ${JSON.stringify(f.got)} — ${f.text}`);
    expect({ stays: score.stays >= 0.95, intents: score.intents >= 0.95, report }).toEqual({ stays: true, intents: true, report: expect.any(Array) });
    for (const per of Object.values(score.perLocale)) {
      expect(per.stays).toBeGreaterThanOrEqual(0.95);
      expect(per.intents).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('guards the held-out files (holdout-*.jsonl, written before reading the code) apart too', () => {
    const held = corpus.filter((c) => c.id.startsWith('ho-'));
    expect(held.length).toBeGreaterThanOrEqual(200);
    for (const hint of [false, true]) {
      const score = scoreCorpus(held, hint);
      expect(score.stays).toBeGreaterThanOrEqual(0.95);
      expect(score.intents).toBeGreaterThanOrEqual(0.95);
    }
  });
});
