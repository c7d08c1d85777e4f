import type { HttpDrain, InFlightRequest } from './http/drain';
import type { Logger } from './logger';
import type { TurnQueue } from './turn-queue';

/** What the app hands the shutdown, in the order it is stopped. */
export interface ShutdownPlan {
  http: HttpDrain;
  /** Every queue bot turns run through (Bot Framework, web chat). */
  turns: readonly TurnQueue[];
  /** Stops the timers that would start new work (the hold sweeper). */
  stopTimers(): void;
  /** Closes open streams with "going away", waiting up to `waitMs` for clients to answer. */
  closeStreams(waitMs: number): Promise<void>;
  /** Closed one after the other once the work is done or cut; the store (Redis) comes last. */
  release: readonly { name: string; close(): Promise<void> }[];
}

export interface ShutdownReport {
  /** Every request and turn finished within the grace period, and every release step closed. */
  clean: boolean;
  graceMs: number;
  /** Taken in when the shutdown began. */
  atStart: { requests: number; turns: number };
  /** From the signal until the last request and turn ended (or the deadline). */
  drainMs: number;
  /** From the signal until the store closed. */
  totalMs: number;
  /** Still running at the deadline, then cut: request ids and turn keys (channel/conversation). */
  unfinished: { requests: InFlightRequest[]; turns: string[] };
  /** Release steps that failed or did not close in time. */
  failed: string[];
}

/** Long enough for any client to answer a WebSocket close; a silent one is cut after it. */
const STREAM_GOODBYE_MS = 2_000;
/** Bound of each release step (a BullMQ worker finishing its job, a Redis QUIT). */
const RELEASE_STEP_MS = 5_000;

function delay(ms: number): { done: Promise<'timeout'>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return { done, cancel: () => clearTimeout(timer) };
}

async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  const deadline = delay(ms);
  try {
    return await Promise.race([work, deadline.done]);
  } finally {
    deadline.cancel();
  }
}

/** Waits until no request is being answered and no turn runs, both at once: a turn can come from a request, a stream's greeting, a timer. */
async function workDone(http: HttpDrain, turns: readonly TurnQueue[]): Promise<true> {
  for (;;) {
    await http.settled();
    await Promise.all(turns.map((q) => q.idle()));
    if (http.size === 0 && turns.every((q) => q.size === 0)) return true;
  }
}

/**
 * Stops the app without dropping what it was doing: stop accepting (the listener and the
 * timers), let requests and bot turns finish for up to `graceMs`, say goodbye to streams
 * (1001: clients reconnect elsewhere, or here once restarted), end the remaining connections,
 * then close workers, calendar sync and connections, the store last. Past the deadline what
 * still runs is logged by id and cut; the report says so (`clean: false`).
 */
export async function shutdown(plan: ShutdownPlan, options: { graceMs: number; log: Logger }): Promise<ShutdownReport> {
  const { graceMs, log } = options;
  const started = Date.now();
  plan.stopTimers();
  void plan.http.stopAccepting();
  const atStart = { requests: plan.http.size, turns: plan.turns.reduce((n, q) => n + q.size, 0) };

  const drained = (await within(workDone(plan.http, plan.turns), graceMs)) === true;
  const drainMs = Date.now() - started;
  const unfinished = drained ? { requests: [], turns: [] } : { requests: plan.http.running(), turns: plan.turns.flatMap((q) => q.busy) };
  if (!drained) {
    log.warn({ graceMs, requests: unfinished.requests, turns: unfinished.turns }, 'shutdown deadline passed: cutting the requests and turns still running');
  }

  await plan.closeStreams(STREAM_GOODBYE_MS);
  if (drained) await plan.http.closeIdle();
  else await plan.http.forceClose();
  // Idle sockets are gone and busy ones end after their answer; whatever still holds on is cut.
  if ((await within(plan.http.whenClosed(), STREAM_GOODBYE_MS)) === 'timeout') await plan.http.forceClose();

  const failed: string[] = [];
  for (const step of plan.release) {
    try {
      if ((await within(step.close(), RELEASE_STEP_MS)) === 'timeout') {
        failed.push(step.name);
        log.error({ step: step.name, ms: RELEASE_STEP_MS }, 'shutdown step did not finish in time');
      }
    } catch (error) {
      failed.push(step.name);
      log.error({ step: step.name, err: error instanceof Error ? error.message : 'unknown' }, 'shutdown step failed');
    }
  }
  const report: ShutdownReport = { clean: drained && failed.length === 0, graceMs, atStart, drainMs, totalMs: Date.now() - started, unfinished, failed };
  log.info({ clean: report.clean, atStart, drainMs, totalMs: report.totalMs, cut: { requests: unfinished.requests.length, turns: unfinished.turns.length } }, 'shut down');
  return report;
}
