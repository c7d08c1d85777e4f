import type { Night } from '../../../domain/calendar/nights';
import type {
  ConfirmRequest,
  FeedBlock,
  FeedReplaceResult,
  HeldUnit,
  HoldRequest,
  InventoryStore,
  NightOwner,
  UnitNightState,
} from '../../../domain/ports';
import { err, ok, type Result } from '../../../domain/result';

/** How long a request id is remembered: a client retrying later than this is a new request. */
export const REQUEST_MEMORY_MS = 24 * 3600 * 1000;

interface HoldRecord {
  holdId: string;
  unitId: string;
  nights: Night[];
  expiresAt: number;
  promo: { promotionId: string; nights: number } | null;
  /** Set once confirmed; the record then describes the booking's claim. */
  bookingId: string | null;
}

interface PropertyInventory {
  /** unitId → night → owner */
  owners: Map<string, Map<Night, NightOwner>>;
  /** unitId → feedId → night → uid */
  feeds: Map<string, Map<string, Map<Night, string>>>;
  holds: Map<string, HoldRecord>;
  bookings: Map<string, HoldRecord>;
  requests: Map<string, { answer: { holdId: string; unitId: string; expiresAt: number }; keepUntil: number }>;
  promoUsed: Map<string, number>;
  /**
   * No hold expires and no request id is forgotten before this instant, so a claim skips the
   * sweep (a scan of every hold) until something can actually have lapsed.
   */
  nextSweepAt: number;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * Inventory in process memory. Every method's critical section is synchronous, so Node's
 * single thread makes each one atomic exactly like the Redis scripts.
 */
export class MemoryInventory implements InventoryStore {
  private readonly properties = new Map<string, PropertyInventory>();

  private inv(propertyId: string): PropertyInventory {
    return getOrCreate(this.properties, propertyId, () => ({
      owners: new Map(),
      feeds: new Map(),
      holds: new Map(),
      bookings: new Map(),
      requests: new Map(),
      promoUsed: new Map(),
      nextSweepAt: Number.POSITIVE_INFINITY,
    }));
  }

  private liveOwner(inv: PropertyInventory, unitId: string, night: Night, now: number): NightOwner | null {
    const owner = inv.owners.get(unitId)?.get(night) ?? null;
    if (owner?.kind === 'hold' && owner.expiresAt <= now) return null;
    return owner;
  }

  private blocksOf(inv: PropertyInventory, unitId: string, night: Night): { feedId: string; uid: string }[] {
    const out: { feedId: string; uid: string }[] = [];
    const feeds = inv.feeds.get(unitId);
    if (!feeds) return out;
    for (const [feedId, nights] of [...feeds.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const uid = nights.get(night);
      if (uid !== undefined) out.push({ feedId, uid });
    }
    return out;
  }

  private isFreeAt(inv: PropertyInventory, unitId: string, night: Night, now: number, replacing?: string): boolean {
    const owner = this.liveOwner(inv, unitId, night, now);
    const ownerFree = owner === null || (replacing !== undefined && owner.kind === 'booking' && owner.bookingId === replacing);
    return ownerFree && this.blocksOf(inv, unitId, night).length === 0;
  }

  async readUnitNights(propertyId: string, unitIds: string[], nights: Night[], now: number): Promise<Record<string, UnitNightState[]>> {
    const inv = this.inv(propertyId);
    const out: Record<string, UnitNightState[]> = {};
    for (const unitId of unitIds) {
      out[unitId] = nights.map((night) => ({
        owner: this.liveOwner(inv, unitId, night, now),
        blocks: this.blocksOf(inv, unitId, night),
      }));
    }
    return out;
  }

  async hold(req: HoldRequest): Promise<Result<HeldUnit, 'sold_out' | 'promo_quota'>> {
    const inv = this.inv(req.propertyId);
    const previous = inv.requests.get(req.requestId);
    if (previous && previous.keepUntil > req.now) return ok({ ...previous.answer, replayed: true });

    this.sweep(inv, req.now);
    if (req.promo) {
      const used = inv.promoUsed.get(req.promo.promotionId) ?? 0;
      if (used + req.promo.nights > req.promo.quota) return err('promo_quota');
    }
    const unitId = req.candidateUnitIds.find((u) => req.nights.every((n) => this.isFreeAt(inv, u, n, req.now, req.replacingBookingId)));
    if (unitId === undefined) return err('sold_out');

    const owners = getOrCreate(inv.owners, unitId, () => new Map<Night, NightOwner>());
    for (const night of req.nights) {
      const owner = owners.get(night);
      // Nights the moved booking owns stay its own: a lapsed hold must not free them.
      if (owner?.kind === 'booking' && owner.bookingId === req.replacingBookingId) continue;
      owners.set(night, { kind: 'hold', holdId: req.holdId, expiresAt: req.expiresAt });
    }
    const promo = req.promo ? { promotionId: req.promo.promotionId, nights: req.promo.nights } : null;
    if (promo) inv.promoUsed.set(promo.promotionId, (inv.promoUsed.get(promo.promotionId) ?? 0) + promo.nights);
    inv.holds.set(req.holdId, { holdId: req.holdId, unitId, nights: [...req.nights], expiresAt: req.expiresAt, promo, bookingId: null });
    const answer = { holdId: req.holdId, unitId, expiresAt: req.expiresAt };
    inv.requests.set(req.requestId, { answer, keepUntil: req.now + REQUEST_MEMORY_MS });
    inv.nextSweepAt = Math.min(inv.nextSweepAt, req.expiresAt, req.now + REQUEST_MEMORY_MS);
    return ok({ ...answer, replayed: false });
  }

  async confirmHold(req: ConfirmRequest): Promise<Result<{ unitId: string; nights: Night[] }, 'hold_expired' | 'hold_not_found'>> {
    const inv = this.inv(req.propertyId);
    const done = inv.bookings.get(req.bookingId);
    if (done && done.holdId === req.holdId) return ok({ unitId: done.unitId, nights: [...done.nights] });
    const hold = inv.holds.get(req.holdId);
    if (!hold) return err('hold_not_found');
    if (hold.expiresAt <= req.now) {
      this.release(inv, hold);
      return err('hold_expired');
    }
    const owners = getOrCreate(inv.owners, hold.unitId, () => new Map<Night, NightOwner>());
    for (const night of hold.nights) owners.set(night, { kind: 'booking', bookingId: req.bookingId });
    inv.holds.delete(hold.holdId);
    inv.bookings.set(req.bookingId, { ...hold, bookingId: req.bookingId });
    return ok({ unitId: hold.unitId, nights: [...hold.nights] });
  }

  async moveBooking(req: ConfirmRequest): Promise<Result<{ unitId: string; nights: Night[] }, 'hold_expired' | 'hold_not_found' | 'booking_not_found'>> {
    const inv = this.inv(req.propertyId);
    const claim = inv.bookings.get(req.bookingId);
    if (claim && claim.holdId === req.holdId) return ok({ unitId: claim.unitId, nights: [...claim.nights] });
    if (!claim) return err('booking_not_found');
    const hold = inv.holds.get(req.holdId);
    if (!hold) return err('hold_not_found');
    if (hold.expiresAt <= req.now) {
      this.release(inv, hold);
      return err('hold_expired');
    }
    const oldOwners = inv.owners.get(claim.unitId);
    const kept = new Set(claim.unitId === hold.unitId ? hold.nights : []);
    for (const night of claim.nights) {
      if (kept.has(night)) continue;
      const owner = oldOwners?.get(night);
      if (owner?.kind === 'booking' && owner.bookingId === req.bookingId) oldOwners?.delete(night);
    }
    this.giveBackPromo(inv, claim);
    const owners = getOrCreate(inv.owners, hold.unitId, () => new Map<Night, NightOwner>());
    for (const night of hold.nights) owners.set(night, { kind: 'booking', bookingId: req.bookingId });
    inv.holds.delete(hold.holdId);
    inv.bookings.set(req.bookingId, { ...hold, bookingId: req.bookingId });
    return ok({ unitId: hold.unitId, nights: [...hold.nights] });
  }

  async releaseHold(propertyId: string, holdId: string): Promise<boolean> {
    const inv = this.inv(propertyId);
    const hold = inv.holds.get(holdId);
    if (!hold) return false;
    this.release(inv, hold);
    return true;
  }

  async releaseBooking(propertyId: string, bookingId: string): Promise<Night[]> {
    const inv = this.inv(propertyId);
    const claim = inv.bookings.get(bookingId);
    if (!claim) return [];
    const owners = inv.owners.get(claim.unitId);
    const freed: Night[] = [];
    for (const night of claim.nights) {
      const owner = owners?.get(night);
      if (owner?.kind === 'booking' && owner.bookingId === bookingId) {
        owners?.delete(night);
        freed.push(night);
      }
    }
    this.giveBackPromo(inv, claim);
    inv.bookings.delete(bookingId);
    return freed.sort();
  }

  async sweepExpiredHolds(propertyId: string, now: number): Promise<number> {
    return this.sweep(this.inv(propertyId), now);
  }

  async promoUsage(propertyId: string, promotionIds: string[]): Promise<Record<string, number>> {
    const inv = this.inv(propertyId);
    return Object.fromEntries(promotionIds.map((id) => [id, inv.promoUsed.get(id) ?? 0]));
  }

  async replaceFeedBlocks(propertyId: string, unitId: string, feedId: string, blocks: FeedBlock[]): Promise<FeedReplaceResult> {
    const inv = this.inv(propertyId);
    const feeds = getOrCreate(inv.feeds, unitId, () => new Map<string, Map<Night, string>>());
    const before = feeds.get(feedId) ?? new Map<Night, string>();
    const after = new Map<Night, string>(blocks.map((b) => [b.night, b.uid]));
    if (after.size === 0) feeds.delete(feedId);
    else feeds.set(feedId, after);

    const added = [...after.keys()].filter((n) => !before.has(n)).sort();
    const removed = [...before.keys()].filter((n) => !after.has(n)).sort();
    const owners = inv.owners.get(unitId);
    const conflicts = [...after.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([night, uid]) => {
        const owner = owners?.get(night);
        return owner?.kind === 'booking' ? [{ night, bookingId: owner.bookingId, uid }] : [];
      });
    return { added, removed, conflicts };
  }

  private sweep(inv: PropertyInventory, now: number): number {
    if (now < inv.nextSweepAt) return 0;
    let next = Number.POSITIVE_INFINITY;
    for (const [requestId, entry] of inv.requests) {
      if (entry.keepUntil <= now) inv.requests.delete(requestId);
      else next = Math.min(next, entry.keepUntil);
    }
    let count = 0;
    for (const hold of [...inv.holds.values()]) {
      if (hold.expiresAt <= now) {
        this.release(inv, hold);
        count++;
      } else next = Math.min(next, hold.expiresAt);
    }
    inv.nextSweepAt = next;
    return count;
  }

  private release(inv: PropertyInventory, hold: HoldRecord): void {
    const owners = inv.owners.get(hold.unitId);
    for (const night of hold.nights) {
      const owner = owners?.get(night);
      if (owner?.kind === 'hold' && owner.holdId === hold.holdId) owners?.delete(night);
    }
    this.giveBackPromo(inv, hold);
    inv.holds.delete(hold.holdId);
  }

  private giveBackPromo(inv: PropertyInventory, claim: HoldRecord): void {
    if (!claim.promo) return;
    const left = (inv.promoUsed.get(claim.promo.promotionId) ?? 0) - claim.promo.nights;
    inv.promoUsed.set(claim.promo.promotionId, Math.max(0, left));
  }
}
