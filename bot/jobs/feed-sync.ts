import { createHttpFeedFetcher } from '../../adapters/calendar/http/http-feed-fetcher';
import { createIcsFeedParser } from '../../adapters/calendar/ical/ics-feed-parser';
import type { CalendarSyncRecords, FeedFetcher, FeedParser } from '../../domain/calendar/sync-ports';
import type { StaffNotifier } from '../../domain/ports';
import { DEFAULT_FEED_SYNC_SETTINGS, importFeed, type FeedSyncSettings, type ImportOutcome } from '../../domain/usecases/import-feed';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { Logger } from '../logger';
import type { CalendarSyncConfig } from './feed-config';
import type { Infrastructure } from '../infrastructure/infrastructure';
import { feedKey, findFeed, listFeeds, type FeedRef } from './feed-targets';

export interface FeedSync {
  records: CalendarSyncRecords;
  /** Imports one feed now, outside the schedule; null when the catalogue has no such feed. */
  runNow(ref: FeedRef): Promise<ImportOutcome | null>;
  stop(): Promise<void>;
}

export interface FeedSyncOptions {
  config: CalendarSyncConfig;
  /** Where the sync records live and what runs the schedule. */
  infrastructure: Pick<Infrastructure, 'syncRecords' | 'recurringJobs'>;
  notifier: StaffNotifier;
  log: Logger;
  /** Test seams. */
  fetcher?: FeedFetcher;
  parser?: FeedParser & { close?(): Promise<void> };
  settings?: Partial<FeedSyncSettings>;
  firstDelayMs?: (index: number) => number;
}

/** Wires calendar import: adapters, records, and the schedule that runs every feed. */
export async function startFeedSync(deps: UseCaseDeps, options: FeedSyncOptions): Promise<FeedSync> {
  const { config, log } = options;
  const records: CalendarSyncRecords = options.infrastructure.syncRecords;
  const parser = options.parser ?? createIcsFeedParser();
  const shutdown = new AbortController();
  const fetcher = options.fetcher ?? createHttpFeedFetcher({ timeoutMs: config.fetchTimeoutMs, maxBytes: config.maxFeedBytes, stop: shutdown.signal });
  const syncDeps = {
    store: deps.store,
    clock: deps.clock,
    fetcher,
    parser,
    records,
    notifier: options.notifier,
    settings: { ...DEFAULT_FEED_SYNC_SETTINGS, ...options.settings },
  };

  const runNow = async (ref: FeedRef): Promise<ImportOutcome | null> => {
    const target = findFeed(deps.catalog, ref);
    if (!target) {
      log.warn({ ...ref }, 'feed not in the catalogue, skipped');
      return null;
    }
    const started = Date.now();
    const outcome = await importFeed(syncDeps, target);
    // Ids and counts only: feed URLs carry secrets, event titles may carry guest names.
    const base = { ...ref, ms: Date.now() - started };
    if (outcome.kind === 'imported') {
      log.info({ ...base, added: outcome.added.length, removed: outcome.removed.length, blockedNights: outcome.blockedNights, events: outcome.events, doubleBookings: outcome.openDoubleBookings }, 'feed imported');
    } else if (outcome.kind === 'unchanged') {
      log.debug({ ...base, doubleBookings: outcome.openDoubleBookings }, 'feed unchanged');
    } else {
      log.warn({ ...base, problem: outcome.problem.code, httpStatus: outcome.problem.status, failures: outcome.consecutiveFailures, alerted: outcome.alerted }, 'feed refused, last good blocks kept');
    }
    for (const d of outcome.kind === 'failed' ? [] : outcome.newDoubleBookings) {
      log.error({ ...ref, bookingId: d.bookingId, reference: d.reference, uid: d.uid, nights: d.nights.length }, 'double booking');
    }
    return outcome;
  };
  const runLogged = async (ref: FeedRef): Promise<void> => {
    try {
      await runNow(ref);
    } catch (error) {
      log.error({ err: error, ...ref }, 'feed import crashed');
      throw error;
    }
  };

  let stopSchedule: () => Promise<void> = async () => undefined;
  const feeds = listFeeds(deps.catalog, config.refreshMinutes);
  if (config.enabled && feeds.length > 0) {
    const byKey = new Map(feeds.map((f) => [feedKey(f.ref), f.ref]));
    const schedule = await options.infrastructure.recurringJobs(
      'ical-feeds',
      feeds.map((f) => ({ key: feedKey(f.ref), everyMs: f.everyMs })),
      async (key) => {
        const ref = byKey.get(key);
        if (ref) await runLogged(ref);
      },
      options.firstDelayMs ? { firstDelayMs: options.firstDelayMs } : {},
    );
    stopSchedule = () => schedule.stop();
  }

  return {
    records,
    runNow,
    async stop() {
      // Downloads in flight (and their retry waits) end now instead of at their deadline.
      shutdown.abort();
      await stopSchedule();
      await parser.close?.();
    },
  };
}
