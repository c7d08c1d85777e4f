/**
 * Loads the understanding corpus (test/corpus/*.jsonl) and scores `understand` on it.
 * Shared by the scorer script, the speed script and the jest regression test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../domain/catalog/locales';
import { INTENTS } from '../../dialogs/understanding/types';
import { understand } from '../../dialogs/understanding/understand';
import { nowOfDate, DEFAULT_TIME_ZONE } from '../../dialogs/understanding/cli-io';

const night = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const CorpusLine = z.object({
  id: z.string(),
  text: z.string(),
  locale: z.enum(LOCALES),
  now: night,
  intent: z.enum(INTENTS),
  checkIn: night.nullable(),
  checkOut: night.nullable(),
  adults: z.number().int().nullable(),
  children: z.number().int().nullable(),
  hint: z.enum(LOCALES).optional(),
});
export type CorpusLine = z.infer<typeof CorpusLine>;

export const CORPUS_DIR = join(__dirname, '..', 'corpus');

export function loadCorpus(dir = CORPUS_DIR): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = CorpusLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      out.push(parsed.data);
    });
  }
  return out;
}

export interface Failure {
  id: string;
  text: string;
  field: 'stay' | 'intent' | 'party' | 'locale';
  expected: unknown;
  got: unknown;
}

interface Tally {
  n: number;
  stays: number;
  intents: number;
  party: number;
  locale: number;
}

const ratio = (x: number, n: number): number => (n === 0 ? 0 : Math.round((x / n) * 1000) / 1000);

export interface Score {
  total: number;
  stays: number;
  intents: number;
  party: number;
  locale: number;
  perLocale: Record<string, { n: number; stays: number; intents: number; party: number; locale: number }>;
  failures: Failure[];
}

/** Scores every line; `useLocaleAsHint` passes the expected locale as the conversation's locale. */
export function scoreCorpus(lines: readonly CorpusLine[], useLocaleAsHint = false): Score {
  const all: Tally = { n: 0, stays: 0, intents: 0, party: 0, locale: 0 };
  const per: Partial<Record<Locale, Tally>> = {};
  const failures: Failure[] = [];
  for (const l of lines) {
    const u = understand(l.text, { now: nowOfDate(l.now), timeZone: DEFAULT_TIME_ZONE, locale: useLocaleAsHint ? l.locale : l.hint });
    const t = (per[l.locale] ??= { n: 0, stays: 0, intents: 0, party: 0, locale: 0 });
    const stayOk = u.stay.checkIn === l.checkIn && u.stay.checkOut === l.checkOut;
    const intentOk = u.intent === l.intent;
    const partyOk = u.party.adults === l.adults && u.party.children === l.children;
    const localeOk = u.locale === l.locale;
    for (const x of [all, t]) {
      x.n++;
      if (stayOk) x.stays++;
      if (intentOk) x.intents++;
      if (partyOk) x.party++;
      if (localeOk) x.locale++;
    }
    if (!stayOk) failures.push({ id: l.id, text: l.text, field: 'stay', expected: [l.checkIn, l.checkOut], got: [u.stay.checkIn, u.stay.checkOut] });
    if (!intentOk) failures.push({ id: l.id, text: l.text, field: 'intent', expected: l.intent, got: u.intent });
    if (!partyOk) failures.push({ id: l.id, text: l.text, field: 'party', expected: [l.adults, l.children], got: [u.party.adults, u.party.children] });
    if (!localeOk) failures.push({ id: l.id, text: l.text, field: 'locale', expected: l.locale, got: u.locale });
  }
  const perLocale: Score['perLocale'] = {};
  for (const [loc, t] of Object.entries(per)) perLocale[loc] = { n: t.n, stays: ratio(t.stays, t.n), intents: ratio(t.intents, t.n), party: ratio(t.party, t.n), locale: ratio(t.locale, t.n) };
  return { total: all.n, stays: ratio(all.stays, all.n), intents: ratio(all.intents, all.n), party: ratio(all.party, all.n), locale: ratio(all.locale, all.n), perLocale, failures };
}
