import type { Night } from '../../../domain/calendar/nights';
import type {
  ConfirmRequest,
  FeedBlock,
  FeedReplaceResult,
  HeldUnit,
  HoldRequest,
  InventoryStore,
  UnitNightState,
} from '../../../domain/ports';
import { err, ok, type Result } from '../../../domain/result';
import { baseOf, type RedisContext } from './context';
import { feedKeySuffix } from './keys';
import { decodeReplay, holdArguments, NIGHT_FORM, num } from './hold-arguments';
import { UnexpectedReply, asArray, asNumber, asStrings, decodeNight } from './replies';

const SWEEP_BATCH = 500;

function checkNights(nights: readonly Night[], what: string): void {
  if (nights.length === 0) throw new RangeError(`${what}: no nights`);
  for (const night of nights) if (!NIGHT_FORM.test(night)) throw new RangeError(`${what}: not a YYYY-MM-DD night: ${night}`);
}

/** Owner values are `h:<expiresAt>:<holdId>` / `b:<bookingId>`, followed by a tab when blocked. */
function checkOwnerId(id: string, what: string): void {
  if (id.includes('\t')) throw new RangeError(`${what} must not contain a tab: ${JSON.stringify(id)}`);
}

const byNight = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class RedisInventory implements InventoryStore {
  private readonly bases = new Map<string, string>();

  constructor(protected readonly ctx: RedisContext) {}

  /** The property's key base, memoised: the hold path computes it on every call. */
  private base(propertyId: string): string {
    let base = this.bases.get(propertyId);
    if (base === undefined) {
      if (this.bases.size >= 10_000) this.bases.clear();
      base = baseOf(this.ctx, propertyId);
      this.bases.set(propertyId, base);
    }
    return base;
  }

  async readUnitNights(propertyId: string, unitIds: string[], nights: Night[], now: number): Promise<Record<string, UnitNightState[]>> {
    const out: Record<string, UnitNightState[]> = {};
    if (unitIds.length === 0) return out;
    if (nights.length === 0) {
      for (const unitId of unitIds) out[unitId] = [];
      return out;
    }
    checkNights(nights, 'readUnitNights');
    const reply = asArray(
      await this.ctx.scripts.readUnitNights(baseOf(this.ctx, propertyId), String(unitIds.length), ...unitIds, ...nights),
      'readUnitNights',
    );
    unitIds.forEach((unitId, i) => {
      const values = asArray(reply[i], 'readUnitNights');
      out[unitId] = nights.map((_, j) => decodeNight(values[j], now));
    });
    return out;
  }

  async hold(req: HoldRequest): Promise<Result<HeldUnit, 'sold_out' | 'promo_quota'>> {
    const reply = await this.ctx.scripts.hold(...holdArguments(this.base(req.propertyId), req, this.ctx.requestMemoryMs));
    if (typeof reply === 'string') return ok(decodeReplay(reply));
    if (reply === 0) return err('sold_out');
    if (reply === -1) return err('promo_quota');
    const unitId = typeof reply === 'number' ? req.candidateUnitIds[reply - 1] : undefined;
    if (unitId === undefined) throw new UnexpectedReply('hold', reply);
    return ok({ holdId: req.holdId, unitId, expiresAt: req.expiresAt, replayed: false });
  }

  async confirmHold(req: ConfirmRequest): Promise<Result<{ unitId: string; nights: Night[] }, 'hold_expired' | 'hold_not_found'>> {
    checkOwnerId(req.bookingId, 'bookingId');
    const reply = asArray(
      await this.ctx.scripts.confirmHold(baseOf(this.ctx, req.propertyId), req.holdId, req.bookingId, num(req.now, 'now')),
      'confirmHold',
    );
    const [status, unitId, nights] = reply;
    if (status === 0) return err('hold_not_found');
    if (status === -1) return err('hold_expired');
    if (status !== 1 || typeof unitId !== 'string' || typeof nights !== 'string') throw new UnexpectedReply('confirmHold', reply);
    return ok({ unitId, nights: nights.split(',') });
  }

  /**
   * Moves a confirmed booking onto a live hold placed with `replacingBookingId` (changed
   * dates or unit), as the memory store does; repeating a move that succeeded answers the same.
   */
  async moveBooking(req: ConfirmRequest): Promise<Result<{ unitId: string; nights: Night[] }, 'hold_expired' | 'hold_not_found' | 'booking_not_found'>> {
    checkOwnerId(req.bookingId, 'bookingId');
    const reply = asArray(
      await this.ctx.scripts.moveBooking(this.base(req.propertyId), req.holdId, req.bookingId, num(req.now, 'now')),
      'moveBooking',
    );
    const [status, unitId, nights] = reply;
    if (status === 0) return err('hold_not_found');
    if (status === -1) return err('hold_expired');
    if (status === -2) return err('booking_not_found');
    if (status !== 1 || typeof unitId !== 'string' || typeof nights !== 'string') throw new UnexpectedReply('moveBooking', reply);
    return ok({ unitId, nights: nights.split(',') });
  }

  async releaseHold(propertyId: string, holdId: string): Promise<boolean> {
    return asNumber(await this.ctx.scripts.releaseHold(baseOf(this.ctx, propertyId), holdId), 'releaseHold') === 1;
  }

  async releaseBooking(propertyId: string, bookingId: string): Promise<Night[]> {
    const freed = asStrings(await this.ctx.scripts.releaseBooking(baseOf(this.ctx, propertyId), bookingId), 'releaseBooking');
    return [...new Set(freed)].sort(byNight);
  }

  async sweepExpiredHolds(propertyId: string, now: number): Promise<number> {
    const base = baseOf(this.ctx, propertyId);
    const at = num(now, 'now');
    let total = 0;
    // One HSCAN step of the live holds per script keeps each script short; cursor '0' ends the scan.
    let cursor = '0';
    do {
      const reply = asArray(await this.ctx.scripts.sweepExpiredHolds(base, at, cursor, String(SWEEP_BATCH)), 'sweepExpiredHolds');
      total += asNumber(reply[0], 'sweepExpiredHolds');
      const next = reply[1];
      if (typeof next !== 'string') throw new UnexpectedReply('sweepExpiredHolds', reply);
      cursor = next;
    } while (cursor !== '0');
    return total;
  }

  async promoUsage(propertyId: string, promotionIds: string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    if (promotionIds.length === 0) return out;
    const used = await this.ctx.redis.hmget(`${baseOf(this.ctx, propertyId)}pu`, ...promotionIds);
    promotionIds.forEach((id, i) => {
      const value = used[i];
      out[id] = value == null ? 0 : Number(value);
    });
    return out;
  }

  async replaceFeedBlocks(propertyId: string, unitId: string, feedId: string, blocks: FeedBlock[]): Promise<FeedReplaceResult> {
    if (blocks.length > 0) checkNights(blocks.map((b) => b.night), 'replaceFeedBlocks');
    const pairs: string[] = [];
    for (const block of blocks) pairs.push(block.night, block.uid);
    const reply = asArray(
      await this.ctx.scripts.replaceFeedBlocks(baseOf(this.ctx, propertyId), unitId, feedKeySuffix(unitId, feedId), feedId, ...pairs),
      'replaceFeedBlocks',
    );
    const added = asStrings(reply[0], 'replaceFeedBlocks added').sort(byNight);
    const removed = asStrings(reply[1], 'replaceFeedBlocks removed').sort(byNight);
    const flat = asStrings(reply[2], 'replaceFeedBlocks conflicts');
    const conflicts: FeedReplaceResult['conflicts'] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      conflicts.push({ night: flat[i] as string, bookingId: flat[i + 1] as string, uid: flat[i + 2] as string });
    }
    conflicts.sort((a, b) => byNight(a.night, b.night));
    return { added, removed, conflicts };
  }
}
