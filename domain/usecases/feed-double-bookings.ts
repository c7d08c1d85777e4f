import type { EventKind } from '../calendar/event-kind';
import type { NightRange } from '../calendar/event-nights';
import { nightsOf, type Night } from '../calendar/nights';
import type { DoubleBooking } from '../calendar/sync-ports';
import { bookingIdOfExportUid } from '../calendar/unit-export';
import type { FeedBlock, FeedReplaceResult, Store } from '../ports';
import type { FeedTarget } from './import-feed';

type Conflict = FeedReplaceResult['conflicts'][number];

/**
 * Turns the store's night-by-night conflicts into one double booking per (booking, event),
 * with our booking reference so staff can find it. Events carrying one of our own export
 * uids are our calendar echoed back by the other platform, not a second sale.
 */
export async function describeDoubleBookings(
  store: Store,
  target: FeedTarget,
  conflicts: Conflict[],
  blocks: FeedBlock[],
  kinds: Record<string, EventKind>,
  now: Date,
): Promise<DoubleBooking[]> {
  const groups = new Map<string, { bookingId: string; uid: string; nights: Night[] }>();
  for (const c of conflicts) {
    if (bookingIdOfExportUid(c.uid) !== null) continue;
    const key = `${c.bookingId}|${c.uid}`;
    const group = groups.get(key) ?? { bookingId: c.bookingId, uid: c.uid, nights: [] };
    group.nights.push(c.night);
    groups.set(key, group);
  }
  if (groups.size === 0) return [];

  const nightsOfUid = new Map<string, Night[]>();
  for (const b of blocks) nightsOfUid.set(b.uid, [...(nightsOfUid.get(b.uid) ?? []), b.night]);

  const out: DoubleBooking[] = [];
  for (const g of groups.values()) {
    const booking = await store.getBooking(target.property.id, g.bookingId);
    const ours = new Set(booking ? nightsOf(booking.stay) : g.nights);
    const eventKind = kinds[g.uid] ?? 'unknown';
    const eventNights = nightsOfUid.get(g.uid) ?? g.nights;
    out.push({
      at: now.toISOString(),
      propertyId: target.property.id,
      unitId: target.unit.id,
      feedId: target.feed.id,
      feedLabel: target.feed.label,
      uid: g.uid,
      eventKind,
      bookingId: g.bookingId,
      // The booking may be gone from the repository while the store still holds its nights.
      reference: booking?.reference ?? g.bookingId,
      nights: [...g.nights].sort(),
      likelyEcho: eventKind === 'closure' && eventNights.every((n) => ours.has(n)),
    });
  }
  return out.sort((a, b) => (a.nights[0] ?? '').localeCompare(b.nights[0] ?? '') || a.uid.localeCompare(b.uid));
}

/**
 * An unchanged feed can still overlap a booking made since: a hold taken just before the
 * block arrived, then paid. The store is asked directly, over the import window.
 */
export async function doubleBookingsOnUnchangedFeed(store: Store, target: FeedTarget, range: NightRange, now: Date): Promise<DoubleBooking[]> {
  const nights = nightsOf({ checkIn: range.from, checkOut: range.to });
  const states = (await store.readUnitNights(target.property.id, [target.unit.id], nights, now.getTime()))[target.unit.id] ?? [];
  const conflicts: Conflict[] = [];
  states.forEach((state, i) => {
    const night = nights[i];
    if (night === undefined || state.owner?.kind !== 'booking') return;
    const block = state.blocks.find((b) => b.feedId === target.feed.id);
    if (block) conflicts.push({ night, bookingId: state.owner.bookingId, uid: block.uid });
  });
  return describeDoubleBookings(store, target, conflicts, [], {}, now);
}
