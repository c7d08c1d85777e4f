import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { calendarEnvCheck, calendarEnvShape } from './jobs/feed-config';
import { botEnvCheck, botEnvShape } from './bot-config';
import { parseEnvSection } from './env-section';
import { trustProxySpec } from './http/client-address';
import { staffEnvShape } from './staff-config';
import { webchatEnvShape } from './webchat-config';
import { paymentsEnvCheck, paymentsEnvShape, loadPaymentsConfig, type PaymentsConfig } from './payments-config';
import { loadBotConfig, type BotConfig } from './bot-config';
import { loadCalendarConfig, type CalendarSyncConfig } from './jobs/feed-config';
import { loadStaffConfig, type StaffConfig } from './staff-config';
import { loadWebchatConfig, type WebchatConfig } from './webchat-config';

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
  REDIS_CLUSTER_NODES: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9.-]{1,253}:\d{1,5}$/, { error: 'expected host:port pairs separated by commas, such as 10.0.0.1:7000,10.0.0.2:7000' })).min(1, { error: 'expected at least one host:port' }))
    .optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]*:$/, { error: 'expected letters, digits, _.- ending with a colon' }).default('majordome:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected fatal, error, warn, info, debug, trace or silent' }).default('info'),
  PUBLIC_BASE_URL: z
    .url({ error: 'expected the public https:// address guests reach Majordome at, such as https://chat.example.com' })
    .regex(/^https?:\/\/[^/?#]+\/?$/, { error: 'expected a scheme and host only, such as https://chat.example.com' })
    .optional(),
  EVENT_LOOP_WARN_MS: z.coerce.number({ error: 'expected a number of milliseconds' }).int().min(10, { error: 'expected at least 10 ms' }).default(200),
  TRUST_PROXY: trustProxySpec.optional(),
  HOLD_SWEEP_SECONDS: z.coerce.number({ error: 'expected a number of seconds' }).int().min(1, { error: 'expected at least 1 second' }).default(30),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number({ error: 'expected a number of seconds' }).min(0, { error: 'expected 0 seconds or more' }).max(600, { error: 'expected at most 600 seconds' }).default(10),
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
  .superRefine(paymentsEnvCheck)
  .superRefine((e, ctx) => {
    if (e.REDIS_URL && e.REDIS_CLUSTER_NODES) ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'set REDIS_URL (one server) or REDIS_CLUSTER_NODES (a cluster), not both' });
  });

/** Where the shared data lives when it is not in this process's memory. */
export type RedisTarget = { kind: 'single'; url: string } | { kind: 'cluster'; nodes: { host: string; port: number }[] };

export interface Config {
  port: number;
  host: string;
  propertiesDir: string;
  /** Null: everything in this process's memory (one instance only). */
  redis: RedisTarget | null;
  redisKeyPrefix: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  holdSweepSeconds: number;
  /** An event loop delay past this is logged: something blocked every guest of this instance. */
  eventLoopWarnMs: number;
  /** How long a shutdown lets requests and bot turns finish before cutting them. */
  shutdownGraceMs: number;
  /** Where guests reach this deployment: payment, calendar and staff links are built on it. */
  publicBaseUrl: string;
  /** Each part's own settings, read from the same environment once, here. */
  bot: BotConfig;
  webchat: WebchatConfig;
  staff: StaffConfig;
  payments: PaymentsConfig;
  calendar: CalendarSyncConfig;
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
    redis: redisTargetOf(e.REDIS_URL, e.REDIS_CLUSTER_NODES),
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    logLevel: e.LOG_LEVEL,
    holdSweepSeconds: e.HOLD_SWEEP_SECONDS,
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
    eventLoopWarnMs: e.EVENT_LOOP_WARN_MS,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/(?<!\/)\/+$/, ''),
    bot: loadBotConfig(env),
    webchat: loadWebchatConfig(env),
    staff: loadStaffConfig(env),
    payments: loadPaymentsConfig(env),
    calendar: loadCalendarConfig(env),
    trustProxy: e.TRUST_PROXY ?? [],
  };
}

function redisTargetOf(url: string | undefined, nodes: string[] | undefined): RedisTarget | null {
  if (url) return { kind: 'single', url };
  if (!nodes) return null;
  return {
    kind: 'cluster',
    nodes: nodes.map((n) => {
      const at = n.lastIndexOf(':');
      return { host: n.slice(0, at), port: Number(n.slice(at + 1)) };
    }),
  };
}
