/**
 * Key layout. Every key of a property starts with the property's base,
 * `<prefix>{p:<propertyId>}:`, so the whole property hashes to one Redis Cluster slot and
 * its scripts stay atomic there. Scripts receive the base as their declared key and append
 * the suffixes below themselves; they carry a `#!lua` shebang, so in Cluster mode Redis
 * refuses any access outside the base's slot.
 *
 *   n:<unitId>:<YYYY-MM>  hash    one month of a unit: night → `<owner>` or `<owner>\t<blocks>`,
 *                                 owner `h:<expiresAt>:<holdId>` | `b:<bookingId>` | '' (only blocked),
 *                                 blocks the JSON {feedId: uid} of the feeds blocking the night
 *   f:<unitId>:<feedId>   hash    night → uid: one feed's blocks on one unit (ids %-encoded)
 *   hx                    hash    the live holds: holdId → the same value as its request's `r:` (keepUntil
 *                                 unused); written with HSETNX, so a hold id in use is refused; the
 *                                 sweeper scans it (HSCAN) for expiresAt <= now
 *   c:<bookingId>         hash    a confirmed claim: h hold, u unit, n nights, p promotion, q promo nights
 *   r:<requestId>         string  a hold request's first answer, `<keepUntil>\0<expiresAt>\0<promo nights>\0<nights,>\0`
 *                                 `<promotionId>\0<holdId>\0<unitId>` (PX, ~24 h); it is also the idempotency
 *                                 check: the claim writes it with SET NX GET, so no separate read
 *   pu                    hash    promotionId → nights used by live holds and bookings
 *   bk:<bookingId>        hash    j JSON document, v version, r reference, g '' | '='+guestId, s sequence
 *   ref:<reference>       string  bookingId
 *   bks                   zset    bookingIds by creation sequence; bseq the counter
 *   gb:<guestId>          zset    the guest's bookingIds by creation sequence
 *   ev                    stream  the property's event log (field e = JSON event)
 *   g:<guestId>           string  guest JSON
 *   gi:<guestId>          set     the guest's identity fields
 *   id                    hash    `<channel>:<channelUserId>` (channel %-encoded) → guestId
 *
 * Night hashes are bucketed by month so each stays a short listpack (≤ 31 fields): Redis
 * scans listpack hashes linearly, and one hash per unit holding every night ever sold made
 * each claim scan hundreds of fields (measured: ~20 µs of a 40 µs hold script). Owner and
 * blocks share a night's value, so a claim reads a stay with one HMGET, and old months can
 * simply be deleted.
 *
 * A hold writes three things: its nights, its request memory and its field in `hx`. With `hx`
 * one hash, the hold's record, the guard against a reused hold id and the sweeper's index are
 * one HSETNX (a zset index beside `h:<holdId>` strings cost one more command a hold, ~12% of
 * its server time). Sweeping is a scan of the live holds, few per property since they last
 * minutes; a promotion claim over its quota sweeps before refusing.
 *
 * Single-id suffixes (`r:<requestId>`) need no escaping: each kind has its own fixed lead, so
 * the mapping stays one-to-one; neither does `n:<unitId>:<YYYY-MM>`, whose month has a fixed
 * length. Only the property id (inside the hash tag) and keys of two free ids are %-encoded.
 * Hold and booking ids must not contain a tab (nor, for the hold script's header, a NUL);
 * neither may request, promotion and unit ids contain a NUL.
 *
 * Holds and request memories written before this layout (Nov 2026, pre-release: `h:<holdId>`
 * strings, `hx` as a zset, newline-separated values) are not read back: drop `h:*`, `r:*` and
 * `hx` when upgrading a store that has any.
 */

const NEEDS_ESCAPE = /[%:{}\s]/;

/** Percent-encodes `%`, `:`, braces and whitespace; leaves ordinary ids untouched. */
export function escapeKeyPart(part: string): string {
  if (!NEEDS_ESCAPE.test(part)) return part;
  return part.replace(/[%:{}\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export const DEFAULT_KEY_PREFIX = 'majordome:';

export function checkKeyPrefix(prefix: string): string {
  if (/[{}]/.test(prefix)) throw new Error(`Redis key prefix must not contain braces (it would move the hash tag): ${prefix}`);
  return prefix;
}

/** `<prefix>{p:<propertyId>}:` */
export function propertyBase(prefix: string, propertyId: string): string {
  return `${prefix}{p:${escapeKeyPart(propertyId)}}:`;
}

export function feedKeySuffix(unitId: string, feedId: string): string {
  return `f:${escapeKeyPart(unitId)}:${escapeKeyPart(feedId)}`;
}

export function identityField(channel: string, channelUserId: string): string {
  return `${escapeKeyPart(channel)}:${channelUserId}`;
}
