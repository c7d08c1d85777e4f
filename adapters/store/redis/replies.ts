/**
 * Narrowing of raw Redis replies (ioredis types script replies as unknown) and of the
 * documents we stored ourselves.
 */
import type { Booking, BookingEvent } from '../../../domain/bookings/booking';
import type { Guest } from '../../../domain/guests/guest';
import type { ExternalBlock, NightOwner } from '../../../domain/ports';

export class UnexpectedReply extends Error {
  constructor(what: string, reply: unknown) {
    super(`unexpected Redis reply for ${what}: ${JSON.stringify(reply)?.slice(0, 200)}`);
  }
}

export function asArray(reply: unknown, what: string): unknown[] {
  if (!Array.isArray(reply)) throw new UnexpectedReply(what, reply);
  return reply as unknown[];
}

export function asStrings(reply: unknown, what: string): string[] {
  const list = asArray(reply, what);
  for (const item of list) if (typeof item !== 'string') throw new UnexpectedReply(what, reply);
  return list as string[];
}

export function asNumber(reply: unknown, what: string): number {
  if (typeof reply !== 'number') throw new UnexpectedReply(what, reply);
  return reply;
}

/** `h:<expiresAt>:<holdId>` or `b:<bookingId>`; an expired hold reads as no owner. */
export function decodeOwner(value: unknown, now: number): NightOwner | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('b:')) return { kind: 'booking', bookingId: value.slice(2) };
  const colon = value.indexOf(':', 2);
  if (!value.startsWith('h:') || colon < 0) throw new UnexpectedReply('night owner', value);
  const expiresAt = Number(value.slice(2, colon));
  if (expiresAt <= now) return null;
  return { kind: 'hold', holdId: value.slice(colon + 1), expiresAt };
}

/** A night's raw value `<owner>[\t<blocks JSON>]` (nil when free). */
export function decodeNight(value: unknown, now: number): { owner: NightOwner | null; blocks: ExternalBlock[] } {
  if (value === null || value === undefined) return { owner: null, blocks: [] };
  if (typeof value !== 'string') throw new UnexpectedReply('night', value);
  const tab = value.indexOf('\t');
  if (tab < 0) return { owner: decodeOwner(value, now), blocks: [] };
  return { owner: tab === 0 ? null : decodeOwner(value.slice(0, tab), now), blocks: decodeBlocks(value.slice(tab + 1)) };
}

/** The blocks JSON {feedId: uid}, as blocks sorted by feed. */
export function decodeBlocks(value: unknown): ExternalBlock[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UnexpectedReply('night blocks', value);
  const blocks: ExternalBlock[] = [];
  for (const [feedId, uid] of Object.entries(parsed)) {
    if (typeof uid !== 'string') throw new UnexpectedReply('night blocks', value);
    blocks.push({ feedId, uid });
  }
  // Same order as the memory store, so both read alike.
  return blocks.sort((a, b) => a.feedId.localeCompare(b.feedId));
}

function parseObject(json: string, what: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UnexpectedReply(what, json);
  return parsed as Record<string, unknown>;
}

/** Documents are written by this adapter only; a light check catches a foreign or corrupt key. */
export function parseBooking(json: string): Booking {
  const doc = parseObject(json, 'booking');
  if (typeof doc.id !== 'string' || typeof doc.version !== 'number') throw new UnexpectedReply('booking', json);
  return doc as unknown as Booking;
}

export function parseGuest(json: string): Guest {
  const doc = parseObject(json, 'guest');
  if (typeof doc.id !== 'string' || !Array.isArray(doc.identities)) throw new UnexpectedReply('guest', json);
  return doc as unknown as Guest;
}

export function parseEvent(json: string): BookingEvent {
  const doc = parseObject(json, 'event');
  if (typeof doc.bookingId !== 'string' || typeof doc.to !== 'string') throw new UnexpectedReply('event', json);
  return doc as unknown as BookingEvent;
}
