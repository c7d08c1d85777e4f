import { createHmac, timingSafeEqual } from 'node:crypto';

export type StaffDecision = 'approve' | 'decline';

/** The page a signed link opens; the same path answers the POST that acts. */
export function staffLinkPath(decision: StaffDecision, propertyId: string, bookingId: string): string {
  return `/staff/requests/${encodeURIComponent(propertyId)}/${encodeURIComponent(bookingId)}/${decision}`;
}

function signature(secret: string, decision: StaffDecision, propertyId: string, bookingId: string, exp: number): string {
  // A purpose label and NUL separators: no other message this secret signs can be read as this one.
  return createHmac('sha256', secret).update(`staff-request\u0000${decision}\u0000${propertyId}\u0000${bookingId}\u0000${exp}`).digest('base64url');
}

/** A link that approves or declines one request until `expiresAt`, for whoever holds it. */
export function signedStaffLink(baseUrl: string, secret: string, decision: StaffDecision, propertyId: string, bookingId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({ exp: String(exp), sig: signature(secret, decision, propertyId, bookingId, exp) });
  return `${baseUrl}${staffLinkPath(decision, propertyId, bookingId)}?${query.toString()}`;
}

export type LinkCheck = 'ok' | 'bad_signature' | 'expired';

/**
 * The signature first, compared in constant time, then the expiry it covers: an expired link is
 * only ever reported for a link we really issued, and nobody can extend one by editing `exp`.
 */
export function checkStaffLink(secret: string, decision: StaffDecision, propertyId: string, bookingId: string, exp: unknown, sig: unknown, now: Date): LinkCheck {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return 'bad_signature';
  const expected = Buffer.from(signature(secret, decision, propertyId, bookingId, Number(exp)), 'utf8');
  const given = Buffer.from(sig, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad_signature';
  return Number(exp) * 1000 > now.getTime() ? 'ok' : 'expired';
}
