import type { z } from 'zod';
import { propertySchema, type Property } from './schema';

export type ParseResult = { ok: true; property: Property } | { ok: false; errors: string[] };

/** `unitTypes[2].capacity.adults` from zod's `['unitTypes', 2, 'capacity', 'adults']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`))
    .join('');
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
}

/** Validates a property document; errors name the path and the reason. */
export function parseProperty(input: unknown): ParseResult {
  const result = propertySchema.safeParse(input);
  if (result.success) return { ok: true, property: result.data };
  return { ok: false, errors: formatIssues(result.error.issues) };
}
