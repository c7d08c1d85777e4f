import { z } from 'zod';
import { parseEnvSection } from './env-section';

const secretText = 'expected a random secret of at least 32 characters (`openssl rand -hex 32`)';

/** Staff answers to booking requests; `bot/config.ts` validates them with the rest. */
export const staffEnvShape = {
  /** Signs the approve/decline links put in staff alerts. Unset: alerts carry no links. */
  STAFF_LINK_SECRET: z.string().min(32, { error: secretText }).optional(),
  /** Bearer token of POST /staff/requests/:id. Unset: that API refuses every call. */
  STAFF_TOKEN: z.string().min(32, { error: secretText }).regex(/^[\x21-\x7e]+$/, { error: 'expected printable ASCII without spaces' }).optional(),
};

const staffEnvSchema = z.object(staffEnvShape);

export interface StaffConfig {
  linkSecret: string | null;
  token: string | null;
}

export class StaffConfigError extends Error {}

export function loadStaffConfig(env: NodeJS.ProcessEnv): StaffConfig {
  const e = parseEnvSection(env, staffEnvSchema, StaffConfigError);
  return { linkSecret: e.STAFF_LINK_SECRET ?? null, token: e.STAFF_TOKEN ?? null };
}
