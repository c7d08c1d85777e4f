/**
 * Per-call cost of `understand`, printed as JSON (µs): the two bench sentences of issue #3
 * (English and French first-message search turns) and the whole corpus. Also says whether
 * any corpus message reached Recognizers (the slow fallback) and what warmUp() costs.
 *   npx tsx test/tools/understanding-speed.ts [--warm-up]
 */
import { performance } from 'node:perf_hooks';
import { loadedModels } from '../../dialogs/understanding/dates/recognizers-fallback';
import { understand, warmUp } from '../../dialogs/understanding/understand';
import { DEFAULT_TIME_ZONE, nowOfDate } from '../../dialogs/understanding/cli-io';
import { loadCorpus } from './corpus';

interface Stats {
  calls: number;
  /** CPU time per call over the whole batch: what other processes on a busy machine cannot inflate. */
  cpuMeanUs?: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { calls: samples.length, meanUs: round(samples.reduce((s, x) => s + x, 0) / samples.length), p50Us: round(at(0.5)), p99Us: round(at(0.99)), maxUs: round(sorted[sorted.length - 1]!) };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) * 1000;
}

const now = nowOfDate('2026-11-20');
const opts = { now, timeZone: DEFAULT_TIME_ZONE };
const BENCH = {
  en: 'Do you have a room from December 12 to 15 for 2 adults?',
  fr: 'Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?',
};

let warmUpMs: number | null = null;
if (process.argv.includes('--warm-up')) warmUpMs = Math.round(time(warmUp) / 1000);

const firstCallUs = Math.round(time(() => understand(BENCH.fr, { ...opts, locale: 'fr' })));
for (let i = 0; i < 2000; i++) understand(BENCH.en, opts); // let the JIT settle

const cpuUs = (c: NodeJS.CpuUsage): number => c.user + c.system;

const bench: Record<string, Stats> = {};
for (const [locale, text] of Object.entries(BENCH)) {
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 20000; i++) samples.push(time(() => understand(text, opts)));
  bench[locale] = { ...stats(samples), cpuMeanUs: Math.round((cpuUs(process.cpuUsage(cpu0)) / 20000) * 10) / 10 };
}

const corpus = loadCorpus();
const before = loadedModels();
const corpusSamples: number[] = [];
const corpusCpu0 = process.cpuUsage();
for (let round = 0; round < 20; round++) {
  for (const l of corpus) corpusSamples.push(time(() => understand(l.text, { now: nowOfDate(l.now), timeZone: DEFAULT_TIME_ZONE, ...(l.hint ? { locale: l.hint } : {}) })));
}

process.stdout.write(
  `${JSON.stringify(
    {
      node: process.version,
      firstCallUs,
      warmUpMs,
      bench,
      corpus: { messages: corpus.length, ...stats(corpusSamples), cpuMeanUs: Math.round((cpuUs(process.cpuUsage(corpusCpu0)) / corpusSamples.length) * 10) / 10 },
      loadAverage: (require('node:os') as typeof import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10),
      recognizersModelsLoadedByCorpus: loadedModels() - before,
    },
    null,
    2,
  )}\n`,
);
