import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { formatIssues } from '../../domain/catalog/parse';

/**
 * The fields the SDK and our bot dereference on every turn. A channel always sends them; a
 * request without them is not an activity, and would otherwise fail deep inside a turn.
 */
const account = z.looseObject({ id: z.string({ error: 'expected an id' }).min(1, { error: 'expected an id' }) });
const activityShape = z.looseObject({
  type: z.string({ error: 'expected the activity type' }).min(1, { error: 'expected the activity type' }),
  id: z.string().optional(),
  channelId: z.string({ error: 'expected the channel id' }).min(1, { error: 'expected the channel id' }),
  serviceUrl: z.string({ error: 'expected the serviceUrl replies go to' }).min(1, { error: 'expected the serviceUrl replies go to' }),
  conversation: account,
  from: account,
  recipient: account,
  text: z.string().optional(),
  locale: z.string().optional(),
});

export type ParsedActivity = { ok: true; activity: Activity } | { ok: false; reasons: string[] };

export function parseActivity(raw: Buffer): ParsedActivity {
  if (raw.length === 0) return { ok: false, reasons: ['(root): expected an activity as JSON, got an empty body'] };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    // The parser's message may quote the body, which may hold guest text: say only that it is not JSON.
    return { ok: false, reasons: ['(root): the body is not valid JSON'] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reasons: ['(root): expected an activity object'] };
  const parsed = activityShape.safeParse(json);
  if (!parsed.success) return { ok: false, reasons: formatIssues(parsed.error.issues) };
  return { ok: true, activity: withDates(parsed.data) };
}

/**
 * The SDK's `validateAndFixActivity` turns the wire's ISO strings into Dates and keeps the raw
 * strings; CloudAdapter.process does it, and we call the adapter one step below that.
 */
function withDates(wire: z.infer<typeof activityShape>): Activity {
  // The shape above checked what the SDK relies on; the rest of the activity is the channel's.
  const activity = { ...wire } as unknown as Activity & Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = wire[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity;
}
