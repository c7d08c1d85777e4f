import type { FeedBlock } from '../ports';
import type { EventKind } from './event-kind';
import type { NightRange, NightRules } from './event-nights';
import type { FeedProblem } from './feed-problem';
import type { Night } from './nights';

/** What calendar sync needs from the outside world, beside the store, clock and notifier. */

export interface FeedFetchRequest {
  url: string;
  /** Validators from the last good download; null asks for the whole feed. */
  etag: string | null;
  lastModified: string | null;
}

export type FeedFetchOutcome =
  | { kind: 'fetched'; body: Uint8Array; etag: string | null; lastModified: string | null }
  | { kind: 'not_modified' }
  | { kind: 'failed'; problem: FeedProblem };

export interface FeedFetcher {
  fetch(req: FeedFetchRequest): Promise<FeedFetchOutcome>;
}

export interface FeedParseRequest {
  body: Uint8Array;
  /** The property's zone: nights are dates there. */
  timeZone: string;
  range: NightRange;
  rules: NightRules;
}

export type FeedParseOutcome =
  | {
      ok: true;
      /** One per blocked night, sorted by night. */
      blocks: FeedBlock[];
      /** VEVENTs in the file, cancelled ones included. */
      events: number;
      /** The kind of each uid that blocks a night, to describe a double booking. */
      kinds: Record<string, EventKind>;
    }
  | { ok: false; problem: FeedProblem };

export interface FeedParser {
  parse(req: FeedParseRequest): Promise<FeedParseOutcome>;
}

/** Where one feed of one unit stands, kept between refreshes (and shared by instances with Redis). */
export interface FeedStatus {
  etag: string | null;
  lastModified: string | null;
  /** ISO instants. */
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** The property's date of the last full import: a new day re-reads the feed even if unchanged, to move the window. */
  lastImportDay: Night | null;
  consecutiveFailures: number;
  failingSince: string | null;
  lastProblem: FeedProblem | null;
  /** When staff were last told this feed is failing. */
  lastAlertAt: string | null;
  blockedNights: number;
  events: number;
}

export const EMPTY_FEED_STATUS: FeedStatus = {
  etag: null,
  lastModified: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastImportDay: null,
  consecutiveFailures: 0,
  failingSince: null,
  lastProblem: null,
  lastAlertAt: null,
  blockedNights: 0,
  events: 0,
};

/** A feed's event over nights one of our bookings owns. Ids and references only. */
export interface DoubleBooking {
  /** ISO instant it was first seen. */
  at: string;
  propertyId: string;
  unitId: string;
  feedId: string;
  feedLabel: string;
  uid: string;
  eventKind: EventKind;
  bookingId: string;
  reference: string;
  nights: Night[];
  /**
   * A "not available" closure lying within our own stay: most likely our export read back by
   * the other platform and exported again under its own uid. Still reported, flagged.
   */
  likelyEcho: boolean;
}

export interface CalendarSyncRecords {
  getFeedStatus(propertyId: string, unitId: string, feedId: string): Promise<FeedStatus | null>;
  saveFeedStatus(propertyId: string, unitId: string, feedId: string, status: FeedStatus): Promise<void>;
  /**
   * Makes `current` the open double bookings of one feed on one unit and returns those that
   * were not open before: the ones to alert about. One that goes away and comes back is new
   * again. Each new one is appended to the property's double-booking log.
   */
  syncDoubleBookings(propertyId: string, unitId: string, feedId: string, current: DoubleBooking[]): Promise<DoubleBooking[]>;
  /** The property's double-booking log, newest first. */
  listDoubleBookings(propertyId: string, limit?: number): Promise<DoubleBooking[]>;
}

/** The identity of one double booking across refreshes. */
export const doubleBookingKey = (d: Pick<DoubleBooking, 'bookingId' | 'uid'>): string => `${d.bookingId}|${d.uid}`;
