import { z } from 'zod';
import { parseEnvSection } from './env-section';

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type MicrosoftAppType = (typeof APP_TYPES)[number];

/**
 * The bot's variables; `bot/config.ts` validates them with the rest. The Microsoft* names are
 * the ones Azure Bot Service, its templates and the Emulator docs use, so they are kept as is.
 */
export const botEnvShape = {
  MicrosoftAppId: z.string().trim().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppType: z
    .string()
    .transform((v) => APP_TYPES.find((t) => t.toLowerCase() === v.trim().toLowerCase()))
    .refine((v) => v !== undefined, { error: `expected ${APP_TYPES.join(', ')}` })
    .optional(),
  MicrosoftAppTenantId: z.string().trim().min(1).optional(),
  BOT_STATE_TTL_DAYS: z.coerce.number({ error: 'expected a number of days' }).int({ error: 'expected a number of days' }).min(1, { error: 'expected at least 1 day' }).max(3650, { error: 'expected at most 3650 days' }).default(30),
  DEFAULT_PROPERTY_ID: z.string().trim().min(1).optional(),
};

interface BotEnv {
  MicrosoftAppId?: string | undefined;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppType?: MicrosoftAppType | undefined;
  MicrosoftAppTenantId?: string | undefined;
}

/** Half-configured credentials would silently open the loopback-only mode or fail every turn: refuse to start. */
export function botEnvCheck(e: BotEnv, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!e.MicrosoftAppId) {
    if (e.MicrosoftAppPassword) issue('MicrosoftAppId', 'required when MicrosoftAppPassword is set');
    return;
  }
  const type = e.MicrosoftAppType ?? 'MultiTenant';
  if (type === 'UserAssignedMSI') {
    if (e.MicrosoftAppPassword) issue('MicrosoftAppPassword', 'must be empty with MicrosoftAppType UserAssignedMSI');
  } else if (!e.MicrosoftAppPassword) {
    issue('MicrosoftAppPassword', 'required when MicrosoftAppId is set');
  }
  if (type !== 'MultiTenant' && !e.MicrosoftAppTenantId) issue('MicrosoftAppTenantId', `required with MicrosoftAppType ${type}`);
}

const botEnvSchema = z.object(botEnvShape).superRefine(botEnvCheck);

export interface BotCredentials {
  appId: string;
  /** Null for a user-assigned managed identity. */
  appPassword: string | null;
  appType: MicrosoftAppType;
  tenantId: string | null;
}

export interface BotConfig {
  /** Null: no app credentials, so /api/messages serves loopback callers only (Emulator, development). */
  credentials: BotCredentials | null;
  /** How long conversation and user state outlive their last change. */
  stateTtlMs: number;
  /** Null: the first property of the catalogue. */
  defaultPropertyId: string | null;
}

export class BotConfigError extends Error {}

export function loadBotConfig(env: NodeJS.ProcessEnv): BotConfig {
  const e = parseEnvSection(env, botEnvSchema, BotConfigError);
  return {
    credentials: e.MicrosoftAppId
      ? { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword ?? null, appType: e.MicrosoftAppType ?? 'MultiTenant', tenantId: e.MicrosoftAppTenantId ?? null }
      : null,
    stateTtlMs: e.BOT_STATE_TTL_DAYS * 24 * 3600 * 1000,
    defaultPropertyId: e.DEFAULT_PROPERTY_ID ?? null,
  };
}
