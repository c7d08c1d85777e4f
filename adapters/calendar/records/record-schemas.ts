import { z } from 'zod';
import { FEED_PROBLEM_CODES } from '../../../domain/calendar/feed-problem';
import type { DoubleBooking, FeedStatus } from '../../../domain/calendar/sync-ports';

/** Stored JSON is read back through a schema: an old or foreign value fails loudly, not as `any`. */
const problemSchema = z.object({ code: z.enum(FEED_PROBLEM_CODES), message: z.string(), status: z.number().optional() });
const nullableText = z.string().nullable();

const feedStatusSchema = z.object({
  etag: nullableText,
  lastModified: nullableText,
  lastAttemptAt: nullableText,
  lastSuccessAt: nullableText,
  lastImportDay: nullableText,
  consecutiveFailures: z.number().int().min(0),
  failingSince: nullableText,
  lastProblem: problemSchema.nullable(),
  lastAlertAt: nullableText,
  blockedNights: z.number().int().min(0),
  events: z.number().int().min(0),
});

const doubleBookingSchema = z.object({
  at: z.string(),
  propertyId: z.string(),
  unitId: z.string(),
  feedId: z.string(),
  feedLabel: z.string(),
  uid: z.string(),
  eventKind: z.enum(['reservation', 'closure', 'unknown']),
  bookingId: z.string(),
  reference: z.string(),
  nights: z.array(z.string()),
  likelyEcho: z.boolean(),
});

export function parseFeedStatus(json: string): FeedStatus {
  return feedStatusSchema.parse(JSON.parse(json));
}

export function parseDoubleBooking(json: string): DoubleBooking {
  return doubleBookingSchema.parse(JSON.parse(json));
}
