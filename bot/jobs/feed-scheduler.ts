export interface ScheduledFeed {
  key: string;
  everyMs: number;
}

export interface FeedSchedulerOptions {
  /** Delay of each feed's first run; spread so a restart does not fetch everything at once. */
  firstDelayMs?: (index: number) => number;
  /** Imports running at once; the rest wait their turn. */
  maxConcurrent?: number;
}

/**
 * The in-process scheduler, used without Redis (one instance, memory store): each feed runs
 * every `everyMs` from the start of its previous run, never twice at once, and a slow or
 * failing feed never delays the others beyond the concurrency limit.
 */
export function startFeedScheduler(feeds: ScheduledFeed[], run: (key: string) => Promise<void>, options: FeedSchedulerOptions = {}): { stop(): Promise<void> } {
  const firstDelay = options.firstDelayMs ?? ((i: number) => 2_000 + ((i * 997) % 8_000));
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let stopped = false;

  const acquire = (): Promise<void> => {
    if (active < maxConcurrent) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  const plan = (feed: ScheduledFeed, delayMs: number): void => {
    if (stopped) return;
    const timer = setTimeout(() => {
      const started = Date.now();
      const job = (async () => {
        await acquire();
        try {
          if (!stopped) await run(feed.key);
        } catch {
          // run() reports its own failures; the schedule goes on.
        } finally {
          release();
        }
      })();
      inFlight.add(job);
      void job.finally(() => {
        inFlight.delete(job);
        plan(feed, Math.max(1_000, feed.everyMs - (Date.now() - started)));
      });
    }, delayMs);
    timer.unref();
    timers.set(feed.key, timer);
  };

  feeds.forEach((feed, i) => plan(feed, firstDelay(i)));
  return {
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      waiting.splice(0).forEach((resolve) => resolve());
      await Promise.allSettled([...inFlight]);
    },
  };
}
