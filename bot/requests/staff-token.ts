import { createHash, timingSafeEqual } from 'node:crypto';

export type TokenCheck = { ok: true } | { ok: false; status: 401 | 403 | 503; code: string; reason: string };

/**
 * `Authorization: Bearer <STAFF_TOKEN>`. Both sides are hashed before the constant-time
 * comparison, so neither the token's content nor its length shows in the timing.
 */
export function checkStaffToken(expected: string | null, header: string | undefined): TokenCheck {
  if (!expected) return { ok: false, status: 503, code: 'staff_api_disabled', reason: 'STAFF_TOKEN is not set on this deployment' };
  if (!header) return { ok: false, status: 401, code: 'unauthorized', reason: 'send Authorization: Bearer <staff token>' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return { ok: false, status: 401, code: 'unauthorized', reason: 'expected the Bearer scheme: Authorization: Bearer <staff token>' };
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  if (!timingSafeEqual(digest(expected), digest(match[1]))) return { ok: false, status: 403, code: 'forbidden', reason: 'the staff token is not valid' };
  return { ok: true };
}
