import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from './logger';

export interface EventLoopDelay {
  /** Over the last completed window, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The worst delay seen since the process started. */
  worstMs: number;
}

export interface EventLoopWatchdog {
  current(): EventLoopDelay;
  stop(): void;
}

const round = (ns: number): number => Math.round(ns / 1e4) / 100;

/**
 * Watches how late the event loop runs. One slow message or feed delays every guest on this
 * instance, so a window whose worst delay passes `warnMs` is logged (ids-free: just numbers),
 * and the figures are on /health for whoever watches the service.
 */
export function startEventLoopWatchdog(log: Logger, options: { warnMs: number; windowMs?: number }): EventLoopWatchdog {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last: EventLoopDelay = { p50Ms: 0, p99Ms: 0, maxMs: 0, worstMs: 0 };
  const timer = setInterval(() => {
    const maxMs = round(histogram.max);
    last = { p50Ms: round(histogram.percentile(50)), p99Ms: round(histogram.percentile(99)), maxMs, worstMs: Math.max(last.worstMs, maxMs) };
    histogram.reset();
    if (maxMs > options.warnMs) log.warn({ eventLoopDelayMs: maxMs, p99Ms: last.p99Ms, thresholdMs: options.warnMs }, 'event loop blocked');
  }, options.windowMs ?? 1_000);
  timer.unref();
  return {
    current: () => last,
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
