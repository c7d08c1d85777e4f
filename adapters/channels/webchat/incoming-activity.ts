import { z } from 'zod';

/** Direct Line caps an activity at 256 KB; a bigger body is not a guest's message. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/**
 * What a client may post. Unknown fields are dropped rather than passed to the bot: ids,
 * accounts, channel and conversation are ours to set, never the client's.
 */
export const incomingActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing'], { error: 'expected type message, event or typing' }),
  text: z.string().max(16_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, { error: 'expected a BCP 47 language tag' }).optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  from: z.object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.object({ type: z.string().max(256) }).catchall(z.unknown())).max(16).optional(),
  attachments: z
    .array(z.object({ contentType: z.string().max(256), contentUrl: z.string().max(4096).optional(), content: z.unknown().optional(), name: z.string().max(256).optional() }))
    .max(16)
    .optional(),
});

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** Options of a start: a secret holder's extension to name the property and the language. */
export const startOptionsSchema = z.object({
  user: z.object({ id: z.string().max(128).optional(), name: z.string().max(256).optional() }).optional(),
  locale: z.string().max(35).optional(),
  property: z.string().min(1).max(128).optional(),
});
