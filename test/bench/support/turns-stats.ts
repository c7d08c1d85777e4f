import type { RunResult } from './turns-protocol';

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export interface ScenarioFigures {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  turns: number;
  repliesPerTurn: number;
  errors: number;
  failedTurns: number;
  lateReplies: number;
  strayReplies: number;
  truncated: boolean;
  /** Throughput of each timed round, to show the drift between rounds. */
  roundsTurnsPerSecond: number[];
}

/** Pools the timed rounds of one scenario: throughput over their summed time, percentiles over every turn. */
export function figures(rounds: readonly RunResult[]): ScenarioFigures {
  const turns = rounds.reduce((n, r) => n + r.turns, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    turnsPerSecond: round(turns / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    turns,
    repliesPerTurn: round(rounds.reduce((n, r) => n + r.replies, 0) / Math.max(1, turns), 2),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    failedTurns: rounds.reduce((n, r) => n + r.failedTurns, 0),
    lateReplies: rounds.reduce((n, r) => n + r.lateReplies, 0),
    strayReplies: rounds.reduce((n, r) => n + r.strayReplies, 0),
    truncated: rounds.some((r) => r.truncated),
    roundsTurnsPerSecond: rounds.map((r) => round(r.turns / r.seconds, 1)),
  };
}

export function ratio(a: number, b: number): number {
  return round(a / b, 3);
}
