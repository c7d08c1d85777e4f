/**
 * `npm run --silent bench:understanding`: the worst a single guest message can cost, at the
 * length cap. Prints ONE JSON object on stdout.
 *
 * For each shape of message (letters, one long word, accented letters, digits, emojis, a mix,
 * and date phrases that wake the Recognizers fallback), in English and in French, it times
 * `understand()` alone and a whole dialog turn (the main dialog on a memory store, as the bot
 * runs it), and compares both with an ordinary short message of the same run: the ratio is
 * what a loaded machine cannot inflate much. Each figure is the worst of REPEAT tries, as
 * wall and CPU milliseconds. Recognizers are warmed up first, as the bot does at boot.
 *   BENCH_REPEAT=5 npm run --silent bench:understanding
 */
import { performance } from 'node:perf_hooks';
import { understand, warmUp } from '../../dialogs/understanding/understand';
import { Guest, world } from '../dialogs/harness';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
/** The length every message below is cut to: the cap (README, "Bounded work per message"). */
const LENGTH = Number(process.env.BENCH_LENGTH ?? 2000);

const fill = (unit: string): string => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

const SHORT = {
  en: 'Do you have a room from December 12 to 15 for 2 adults?',
  fr: 'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?',
} as const;
type Lang = keyof typeof SHORT;

/** Each at LENGTH UTF-16 units (an emoji counts two). */
const SHAPES: Record<string, string> = {
  letters: fill('lorem ipsum dolor sit amet consectetur '),
  oneWord: fill('a'),
  accentedWord: fill('é'),
  accentedWords: fill('été çà où âme '),
  digits: fill('1234567890'),
  numbers: fill('12 '),
  emojis: fill('😀'),
  mixed: fill('abc é 12 😀 '),
  datePhraseEn: fill('the first week of August '),
  datePhraseFr: fill('la première semaine d’août '),
  holidayThenNumbers: `Mother's Day ${fill('12 ')}`.slice(0, LENGTH),
};

interface Worst {
  wallMs: number;
  cpuMs: number;
}

function worstOf(run: () => void): Worst;
function worstOf(run: () => Promise<void>): Promise<Worst>;
function worstOf(run: () => void | Promise<void>): Worst | Promise<Worst> {
  const round = (x: number): number => Math.round(x * 100) / 100;
  const worst: Worst = { wallMs: 0, cpuMs: 0 };
  const keep = (t0: number, c0: NodeJS.CpuUsage): void => {
    const c = process.cpuUsage(c0);
    worst.wallMs = Math.max(worst.wallMs, round(performance.now() - t0));
    worst.cpuMs = Math.max(worst.cpuMs, round((c.user + c.system) / 1000));
  };
  const first = run();
  if (first instanceof Promise) {
    return (async () => {
      await first;
      for (let i = 0; i < REPEAT; i++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        await run();
        keep(t0, c0);
      }
      return worst;
    })();
  }
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    keep(t0, c0);
  }
  return worst;
}

async function main(): Promise<void> {
  const warmUpStart = performance.now();
  warmUp();
  const warmUpMs = Math.round(performance.now() - warmUpStart);
  const w = await world('2026-11-20T10:00:00Z');
  const now = w.deps.clock.now();
  const opts = (locale: Lang) => ({ now, timeZone: 'Europe/Paris', locale });

  /** A whole turn: a fresh conversation that has already said something short in `lang`, then `text`. */
  const turn = (lang: Lang, text: string) => async (): Promise<void> => {
    const guest = new Guest(w, { locale: lang });
    await guest.says(lang === 'fr' ? 'Bonjour, je voudrais une chambre' : 'Hello, I would like a room');
    await guest.says(text);
  };

  const result: Record<string, unknown> = { node: process.version, length: LENGTH, repeat: REPEAT, warmUpMs };
  for (const lang of ['en', 'fr'] as const) {
    const baseUnderstand = worstOf(() => void understand(SHORT[lang], opts(lang)));
    const baseTurn = await worstOf(turn(lang, SHORT[lang]));
    const shapes: Record<string, unknown> = {};
    let worstUnderstand = { shape: '', cpuMs: 0 };
    let worstTurn = { shape: '', cpuMs: 0 };
    for (const [shape, text] of Object.entries(SHAPES)) {
      process.stderr.write(`${lang} ${shape}…\n`);
      const u = worstOf(() => void understand(text, opts(lang)));
      const t = await worstOf(turn(lang, text));
      shapes[shape] = { understand: u, turn: t, turnVsShortTurn: Math.round((t.cpuMs / Math.max(baseTurn.cpuMs, 0.01)) * 10) / 10 };
      if (u.cpuMs > worstUnderstand.cpuMs) worstUnderstand = { shape, cpuMs: u.cpuMs };
      if (t.cpuMs > worstTurn.cpuMs) worstTurn = { shape, cpuMs: t.cpuMs };
    }
    result[lang] = { short: { understand: baseUnderstand, turn: baseTurn }, shapes, worstUnderstand, worstTurn };
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
