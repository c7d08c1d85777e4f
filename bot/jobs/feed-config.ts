import { z } from 'zod';
import { parseEnvSection } from '../env-section';

const int = (what: string, min: number) =>
  z.coerce.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(min, { error: `expected ${what} of at least ${min}` });

/** Calendar sync and staff alert variables; `bot/config.ts` validates them with the rest. */
export const calendarEnvShape = {
  ICAL_SYNC: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
  ICAL_REFRESH_MINUTES: int('a number of minutes', 1).default(10),
  ICAL_FETCH_TIMEOUT_SECONDS: int('a number of seconds', 1).default(20),
  ICAL_MAX_FEED_BYTES: int('a number of bytes', 1024).default(5_000_000),
  ICAL_EXPORT_SECRET: z.string().min(32, { error: 'expected a random secret of at least 32 characters (`openssl rand -hex 32`)' }).optional(),
  STAFF_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  STAFF_WEBHOOK_SECRET: z.string().min(16, { error: 'expected a secret of at least 16 characters' }).optional(),
};

/** An unsigned webhook would let anyone who learns its URL forge alerts: refuse to start. */
export function calendarEnvCheck(e: { STAFF_WEBHOOK_URL?: string | undefined; STAFF_WEBHOOK_SECRET?: string | undefined }, ctx: z.RefinementCtx): void {
  if (e.STAFF_WEBHOOK_URL && !e.STAFF_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['STAFF_WEBHOOK_SECRET'], message: 'required when STAFF_WEBHOOK_URL is set' });
}

const calendarEnvSchema = z.object(calendarEnvShape).superRefine(calendarEnvCheck);

export interface CalendarSyncConfig {
  /** Off: no feed is fetched (the export still answers). */
  enabled: boolean;
  /** For feeds without their own refreshMinutes. */
  refreshMinutes: number;
  fetchTimeoutMs: number;
  maxFeedBytes: number;
  /** Derives export tokens for units without one in the property file. */
  exportSecret: string | null;
  staffWebhook: { url: string; secret: string } | null;
}

export class CalendarConfigError extends Error {}

export function loadCalendarConfig(env: NodeJS.ProcessEnv): CalendarSyncConfig {
  const e = parseEnvSection(env, calendarEnvSchema, CalendarConfigError);
  return {
    enabled: e.ICAL_SYNC === 'on',
    refreshMinutes: e.ICAL_REFRESH_MINUTES,
    fetchTimeoutMs: e.ICAL_FETCH_TIMEOUT_SECONDS * 1000,
    maxFeedBytes: e.ICAL_MAX_FEED_BYTES,
    exportSecret: e.ICAL_EXPORT_SECRET ?? null,
    staffWebhook: e.STAFF_WEBHOOK_URL && e.STAFF_WEBHOOK_SECRET ? { url: e.STAFF_WEBHOOK_URL, secret: e.STAFF_WEBHOOK_SECRET } : null,
  };
}
