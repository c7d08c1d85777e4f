import type { EventKind } from '../calendar/event-kind';
import { DEFAULT_NIGHT_RULES, type NightRange, type NightRules } from '../calendar/event-nights';
import type { FeedProblem } from '../calendar/feed-problem';
import { addDays, dateIn, type Night } from '../calendar/nights';
import {
  EMPTY_FEED_STATUS,
  type CalendarSyncRecords,
  type DoubleBooking,
  type FeedFetcher,
  type FeedParser,
  type FeedStatus,
} from '../calendar/sync-ports';
import type { ExternalFeed, Property, Unit } from '../catalog/schema';
import type { Clock, FeedReplaceResult, StaffNotifier, Store } from '../ports';
import { describeDoubleBookings, doubleBookingsOnUnchangedFeed } from './feed-double-bookings';

export interface FeedSyncSettings {
  /** Nights ahead an import looks at, from the property's today. */
  horizonDays: number;
  /** Staff hear of a failing feed after this many failures in a row… */
  alertAfterFailures: number;
  /** …and again every so often while it keeps failing. */
  realertAfterHours: number;
  /** When a timed event's night starts and ends; the all-day end mode comes from each feed. */
  nightStarts: string;
  nightEnds: string;
}

export const DEFAULT_FEED_SYNC_SETTINGS: FeedSyncSettings = {
  horizonDays: 730,
  alertAfterFailures: 3,
  realertAfterHours: 24,
  nightStarts: DEFAULT_NIGHT_RULES.nightStarts,
  nightEnds: DEFAULT_NIGHT_RULES.nightEnds,
};

export interface FeedSyncDeps {
  store: Store;
  clock: Clock;
  fetcher: FeedFetcher;
  parser: FeedParser;
  records: CalendarSyncRecords;
  notifier: StaffNotifier;
  settings: FeedSyncSettings;
}

export interface FeedTarget {
  property: Property;
  unit: Unit;
  feed: ExternalFeed;
}

export type ImportOutcome =
  | {
      kind: 'imported';
      added: Night[];
      removed: Night[];
      blockedNights: number;
      events: number;
      /** Double bookings seen for the first time by this import (each alerted). */
      newDoubleBookings: DoubleBooking[];
      openDoubleBookings: number;
    }
  | { kind: 'unchanged'; newDoubleBookings: DoubleBooking[]; openDoubleBookings: number }
  | { kind: 'failed'; problem: FeedProblem; consecutiveFailures: number; alerted: boolean };

export function importRange(property: Property, now: Date, settings: FeedSyncSettings): NightRange {
  const today = dateIn(property.timeZone, now);
  return { from: today, to: addDays(today, settings.horizonDays) };
}

export function nightRulesFor(feed: ExternalFeed, settings: FeedSyncSettings): NightRules {
  return { allDayEnd: feed.allDayEnd ?? 'departure', nightStarts: settings.nightStarts, nightEnds: settings.nightEnds };
}

/**
 * One refresh of one feed of one unit. Only a download that proves to be a whole, valid
 * calendar replaces the feed's blocks; anything else keeps the last good ones and counts a
 * failure. A block over one of our bookings is a double booking, told to the staff at once.
 */
export async function importFeed(deps: FeedSyncDeps, target: FeedTarget): Promise<ImportOutcome> {
  const { property, unit, feed } = target;
  const now = deps.clock.now();
  const range = importRange(property, now, deps.settings);
  const status = (await deps.records.getFeedStatus(property.id, unit.id, feed.id)) ?? EMPTY_FEED_STATUS;
  // A new day moves the window, so the feed is read in full once a day even when unchanged.
  const conditional = status.lastImportDay === range.from;

  const fetched = await deps.fetcher.fetch({
    url: feed.url,
    etag: conditional ? status.etag : null,
    lastModified: conditional ? status.lastModified : null,
  });
  if (fetched.kind === 'failed') return recordFailure(deps, target, status, fetched.problem, now);

  if (fetched.kind === 'not_modified') {
    const current = await doubleBookingsOnUnchangedFeed(deps.store, target, range, now);
    const fresh = await deps.records.syncDoubleBookings(property.id, unit.id, feed.id, current);
    await alertDoubleBookings(deps, fresh, now);
    await deps.records.saveFeedStatus(property.id, unit.id, feed.id, succeeded(status, now, { lastImportDay: status.lastImportDay }));
    return { kind: 'unchanged', newDoubleBookings: fresh, openDoubleBookings: current.length };
  }

  const parsed = await deps.parser.parse({ body: fetched.body, timeZone: property.timeZone, range, rules: nightRulesFor(feed, deps.settings) });
  if (!parsed.ok) return recordFailure(deps, target, status, parsed.problem, now);

  const replaced: FeedReplaceResult = await deps.store.replaceFeedBlocks(property.id, unit.id, feed.id, parsed.blocks);
  const current = await describeDoubleBookings(deps.store, target, replaced.conflicts, parsed.blocks, parsed.kinds, now);
  const fresh = await deps.records.syncDoubleBookings(property.id, unit.id, feed.id, current);
  await alertDoubleBookings(deps, fresh, now);
  await deps.records.saveFeedStatus(
    property.id,
    unit.id,
    feed.id,
    succeeded(status, now, {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastImportDay: range.from,
      blockedNights: parsed.blocks.length,
      events: parsed.events,
    }),
  );
  return {
    kind: 'imported',
    added: replaced.added,
    removed: replaced.removed,
    blockedNights: parsed.blocks.length,
    events: parsed.events,
    newDoubleBookings: fresh,
    openDoubleBookings: current.length,
  };
}

function succeeded(status: FeedStatus, now: Date, patch: Partial<FeedStatus>): FeedStatus {
  const at = now.toISOString();
  return {
    ...status,
    lastAttemptAt: at,
    lastSuccessAt: at,
    consecutiveFailures: 0,
    failingSince: null,
    lastProblem: null,
    lastAlertAt: null,
    ...patch,
  };
}

async function recordFailure(deps: FeedSyncDeps, target: FeedTarget, status: FeedStatus, problem: FeedProblem, now: Date): Promise<ImportOutcome> {
  const { property, unit, feed } = target;
  const at = now.toISOString();
  const failures = status.consecutiveFailures + 1;
  const failingSince = status.failingSince ?? at;
  const realertMs = deps.settings.realertAfterHours * 3_600_000;
  const due = failures >= deps.settings.alertAfterFailures && (status.lastAlertAt === null || now.getTime() - Date.parse(status.lastAlertAt) >= realertMs);
  let alerted = false;
  if (due) {
    alerted = await tell(deps.notifier, {
      propertyId: property.id,
      kind: 'feed_failing',
      summary:
        `The ${feed.label} calendar of unit ${unit.id} has failed ${failures} times in a row since ${failingSince}: ${problem.message}. ` +
        `Its last good blocks are kept until it works again.`,
      data: {
        unitId: unit.id,
        feedId: feed.id,
        feedLabel: feed.label,
        failures,
        problem: problem.code,
        httpStatus: problem.status ?? null,
        failingSince,
        lastSuccessAt: status.lastSuccessAt,
      },
      at,
    });
  }
  await deps.records.saveFeedStatus(property.id, unit.id, feed.id, {
    ...status,
    lastAttemptAt: at,
    consecutiveFailures: failures,
    failingSince,
    lastProblem: problem,
    lastAlertAt: alerted ? at : status.lastAlertAt,
  });
  return { kind: 'failed', problem, consecutiveFailures: failures, alerted };
}

async function alertDoubleBookings(deps: FeedSyncDeps, fresh: DoubleBooking[], now: Date): Promise<void> {
  for (const d of fresh) {
    const first = d.nights[0] ?? '';
    const last = d.nights[d.nights.length - 1] ?? '';
    const span = first === last ? first : `${first} to ${last}`;
    await tell(deps.notifier, {
      propertyId: d.propertyId,
      kind: 'double_booking',
      summary:
        `Double booking on unit ${d.unitId}: booking ${d.reference} overlaps ${kindText(d.eventKind)} ${d.uid} from the ${d.feedLabel} calendar ` +
        `(${d.nights.length} night${d.nights.length > 1 ? 's' : ''}, ${span}).` +
        (d.likelyEcho ? ' The event lies within our stay and reads "not available": it may be our own booking sent back by that platform.' : ''),
      data: {
        unitId: d.unitId,
        bookingId: d.bookingId,
        reference: d.reference,
        feedId: d.feedId,
        feedLabel: d.feedLabel,
        uid: d.uid,
        eventKind: d.eventKind,
        firstNight: first,
        lastNight: last,
        nights: d.nights.length,
        likelyEcho: d.likelyEcho,
      },
      at: now.toISOString(),
    });
  }
}

function kindText(kind: EventKind): string {
  return kind === 'reservation' ? 'reservation' : kind === 'closure' ? 'closed dates' : 'event';
}

/** An alert that cannot be delivered must not undo the import: the notifier adapters log their own failures. */
async function tell(notifier: StaffNotifier, alert: Parameters<StaffNotifier['notify']>[0]): Promise<boolean> {
  try {
    await notifier.notify(alert);
    return true;
  } catch {
    return false;
  }
}
