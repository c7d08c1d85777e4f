import { z } from 'zod';
import { originOf } from '../adapters/channels/webchat/origins';
import { parseEnvSection } from './env-section';

const int = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int({ error: `expected ${what}` })
    .min(min, { error: `expected ${what} of at least ${min}` })
    .max(max, { error: `expected ${what} of at most ${max}` });

const originList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .superRefine((list, ctx) => {
    for (const entry of list) {
      if (originOf(entry) !== entry.replace(/\/$/, '')) ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin: expected scheme://host[:port], such as https://www.example-hotel.com` });
    }
  })
  .transform((list) => list.map((entry) => entry.replace(/\/$/, '')));

/** Web chat's variables (our Direct Line and the widget's token endpoint); `bot/config.ts` validates them with the rest. */
export const webchatEnvShape = {
  DIRECT_LINE_SECRET: z.string().min(32, { error: 'expected a random secret of at least 32 characters (`openssl rand -hex 32`)' }).optional(),
  DIRECT_LINE_TOKEN_TTL_SECONDS: int('a number of seconds', 60, 86_400).default(1800),
  WEBCHAT_ALLOWED_ORIGINS: originList.optional(),
  WEBCHAT_TOKEN_RATE_PER_MINUTE: int('a number of tokens', 1, 100_000).default(20),
  WEBCHAT_MESSAGES_PER_MINUTE: int('a number of messages', 1, 10_000).default(30),
  WEBCHAT_LOG_TTL_DAYS: int('a number of days', 1, 365).default(30),
};

const webchatEnvSchema = z.object(webchatEnvShape);

export interface WebchatConfig {
  /** Null: no secret auth; pages get tokens from /webchat/token, signed with a key of this process. */
  secret: string | null;
  tokenTtlSeconds: number;
  /** Null: this deployment's own origin and its loopback addresses. */
  allowedOrigins: string[] | null;
  tokenRatePerMinute: number;
  /** Messages one conversation may post per minute: a guest types a few; a script types hundreds. */
  messagesPerMinute: number;
  /** How long a conversation's log outlives its last activity. */
  logTtlMs: number;
}

export class WebchatConfigError extends Error {}

export function loadWebchatConfig(env: NodeJS.ProcessEnv): WebchatConfig {
  const e = parseEnvSection(env, webchatEnvSchema, WebchatConfigError);
  return {
    secret: e.DIRECT_LINE_SECRET ?? null,
    tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
    allowedOrigins: e.WEBCHAT_ALLOWED_ORIGINS ?? null,
    tokenRatePerMinute: e.WEBCHAT_TOKEN_RATE_PER_MINUTE,
    messagesPerMinute: e.WEBCHAT_MESSAGES_PER_MINUTE,
    logTtlMs: e.WEBCHAT_LOG_TTL_DAYS * 24 * 3600 * 1000,
  };
}
