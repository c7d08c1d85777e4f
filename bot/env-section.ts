import type { z } from 'zod';
import { formatIssues } from '../domain/catalog/parse';

/**
 * Reads the variables `schema` names from `env` and parses them. An empty variable (as a .env
 * file leaves it) means "not set", as everywhere else. A mistake throws `ConfigError` with
 * `invalid environment:` and one `NAME: reason` line per issue.
 */
export function parseEnvSection<S extends z.ZodObject>(env: NodeJS.ProcessEnv, schema: S, ConfigError: new (message: string) => Error): z.output<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw new ConfigError(`invalid environment:\n${formatIssues(parsed.error.issues).join('\n')}`);
  return parsed.data;
}
