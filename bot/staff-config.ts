import { z } from 'zod';
import { formatIssues } from '../domain/catalog/parse';

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
  // An empty variable in a .env file means "not set", as everywhere else.
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in staffEnvShape && v !== undefined && v !== ''));
  const parsed = staffEnvSchema.safeParse(present);
  if (!parsed.success) throw new StaffConfigError(`invalid environment:\n${formatIssues(parsed.error.issues).join('\n')}`);
  return { linkSecret: parsed.data.STAFF_LINK_SECRET ?? null, token: parsed.data.STAFF_TOKEN ?? null };
}
