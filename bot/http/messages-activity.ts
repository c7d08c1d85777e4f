import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { formatIssues } from '../../domain/catalog/parse';

/**
 * The Bot Framework activity schema, checked at the door: the fields every turn dereferences
 * must be there, and every standard field present must have its schema type. A channel always
 * sends them so; anything else would fail deep inside a turn (`membersAdded: "x"` throws in the
 * members-added handler, a numeric `from.name` fails when the reply is serialised) instead of
 * getting a 400 that says which field is wrong. Fields outside the schema pass through untouched.
 */
const text = z.string({ error: 'expected a string' });
const date = text.refine((v) => !Number.isNaN(Date.parse(v)), { error: 'expected an ISO 8601 date and time' });
const account = z.looseObject(
  { id: z.string({ error: 'expected an id' }).min(1, { error: 'expected an id' }), name: text.optional(), role: text.optional(), aadObjectId: text.optional() },
  { error: 'expected an account with an id' },
);
const conversation = account.extend({
  isGroup: z.boolean({ error: 'expected true or false' }).optional(),
  conversationType: text.optional(),
  tenantId: text.optional(),
});
const TEXT_FIELDS = ['localTimezone', 'callerId', 'textFormat', 'attachmentLayout', 'topicName', 'locale', 'text', 'speak', 'inputHint', 'summary', 'action', 'replyToId', 'label', 'valueType', 'name', 'code', 'importance', 'deliveryMode'];
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'expected a list' });
const typed = z.looseObject({ type: text }, { error: 'expected an object with a type' });
const activityShape = z.looseObject({
  type: z.string({ error: 'expected the activity type' }).min(1, { error: 'expected the activity type' }),
  id: text.optional(),
  channelId: z.string({ error: 'expected the channel id' }).min(1, { error: 'expected the channel id' }),
  serviceUrl: z.string({ error: 'expected the serviceUrl replies go to' }).min(1, { error: 'expected the serviceUrl replies go to' }),
  conversation,
  from: account,
  recipient: account,
  timestamp: date.optional(),
  localTimestamp: date.optional(),
  expiration: date.optional(),
  ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, text.optional()])),
  historyDisclosed: z.boolean({ error: 'expected true or false' }).optional(),
  membersAdded: list(account).optional(),
  membersRemoved: list(account).optional(),
  reactionsAdded: list(typed).optional(),
  reactionsRemoved: list(typed).optional(),
  entities: list(typed).optional(),
  attachments: list(z.looseObject({ contentType: text, contentUrl: text.optional(), name: text.optional(), thumbnailUrl: text.optional() }, { error: 'expected an attachment' })).optional(),
  suggestedActions: z.looseObject({ to: list(text).optional(), actions: list(typed) }, { error: 'expected an object' }).optional(),
  channelData: z.looseObject({}, { error: 'expected an object' }).optional(),
  relatesTo: z.looseObject({}, { error: 'expected an object' }).optional(),
  semanticAction: z.looseObject({}, { error: 'expected an object' }).optional(),
  listenFor: list(text).optional(),
  textHighlights: list(z.looseObject({ text, occurrence: z.number({ error: 'expected a number' }) })).optional(),
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
  // A null field is an absent one, as the channels' own serialisers write it.
  const parsed = activityShape.safeParse(Object.fromEntries(Object.entries(json).filter(([, v]) => v !== null)));
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
