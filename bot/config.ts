import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { calendarEnvCheck, calendarEnvShape } from './jobs/feed-config';
import { botEnvCheck, botEnvShape } from './bot-config';
import { parseEnvSection } from './env-section';
import { trustProxySpec } from './http/client-address';
import { staffEnvShape } from './staff-config';
import { webchatEnvShape } from './webchat-config';
import { paymentsEnvCheck, paymentsEnvShape } from './payments-config';

const port = z.coerce.number({ error: 'expected a port number' }).int({ error: 'expected a port number' }).min(0, { error: 'expected a port number from 0 to 65535' }).max(65535, { error: 'expected a port number from 0 to 65535' });

/** Every variable the process reads; `.env.example` lists the same names. */
export const envSchema = z.object({
  PORT: port.default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  PROPERTIES_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'expected a redis:// or rediss:// URL' })
    .optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]*:$/, { error: 'expected letters, digits, _.- ending with a colon' }).default('majordome:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected fatal, error, warn, info, debug, trace or silent' }).default('info'),
  PUBLIC_BASE_URL: z
    .url({ error: 'expected the public https:// address guests reach Majordome at, such as https://chat.example.com' })
    .regex(/^https?:\/\/[^/?#]+\/?$/, { error: 'expected a scheme and host only, such as https://chat.example.com' })
    .optional(),
  TRUST_PROXY: trustProxySpec.optional(),
  HOLD_SWEEP_SECONDS: z.coerce.number({ error: 'expected a number of seconds' }).int().min(1, { error: 'expected at least 1 second' }).default(30),
  // Calendar sync and staff alerts: read by bot/jobs/feed-config.ts, checked here with the rest.
  ...calendarEnvShape,
  // The bot's credentials, state TTL and default property: read by bot/bot-config.ts, checked here with the rest.
  ...botEnvShape,
  // Web chat (Direct Line and the widget's tokens): read by bot/webchat-config.ts, checked here with the rest.
  ...webchatEnvShape,
  // Staff answers to booking requests: read by bot/staff-config.ts, checked here with the rest.
  ...staffEnvShape,
  // Stripe keys and the link secret: read by bot/payments-config.ts, checked here with the rest.
  ...paymentsEnvShape,
})
  .superRefine(calendarEnvCheck)
  .superRefine(botEnvCheck)
  .superRefine(paymentsEnvCheck);

export interface Config {
  port: number;
  host: string;
  propertiesDir: string;
  redisUrl: string | null;
  redisKeyPrefix: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  holdSweepSeconds: number;
  /** Where guests reach this deployment: payment, calendar and staff links are built on it. */
  publicBaseUrl: string;
  /** Proxies whose X-Forwarded-* headers count (bot/http/client-address.ts); empty: none. */
  trustProxy: string[];
}

/** The project root, found the same way from sources (tests) and from the compiled `dist/`. */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** The demo château and gîte shipped with the code: what `npm start` serves when nothing is configured. */
export const DEMO_PROPERTIES_DIR = path.join(projectRoot(__dirname), 'bot', 'properties');

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const e = parseEnvSection(env, envSchema, ConfigError);
  return {
    port: e.PORT,
    host: e.HOST,
    propertiesDir: e.PROPERTIES_DIR ? path.resolve(e.PROPERTIES_DIR) : DEMO_PROPERTIES_DIR,
    redisUrl: e.REDIS_URL ?? null,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    logLevel: e.LOG_LEVEL,
    holdSweepSeconds: e.HOLD_SWEEP_SECONDS,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY ?? [],
  };
}
