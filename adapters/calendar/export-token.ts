import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret part of a unit's export URL. A token written in the property file wins (edit it
 * to revoke one unit's URL); otherwise it is derived from a deployment secret, so that
 * changing the secret revokes every derived URL at once. No token, no export.
 */
export function exportTokenFor(propertyId: string, unitId: string, fileToken: string | undefined, secret: string | null): string | null {
  if (fileToken) return fileToken;
  if (!secret) return null;
  // 192 bits of an HMAC, base64url: the ids cannot be turned back into a token without the secret.
  return createHmac('sha256', secret).update(`ical-export\u0000${propertyId}\u0000${unitId}`).digest('base64url').slice(0, 32);
}

/** Constant-time comparison: the time of a refusal must not tell how much of a guess was right. */
export function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
