/**
 * The client half of the hold script: its arguments and its replies. Kept lean, since a
 * hold is the hot path (see scripts/hold.lua.ts for the layout).
 */
import type { Night } from '../../../domain/calendar/nights';
import type { HeldUnit, HoldRequest } from '../../../domain/ports';
import { UnexpectedReply } from './replies';

/** Nights travel comma-joined inside Lua and as hash fields: keep them to the YYYY-MM-DD form. */
export const NIGHT_FORM = /^\d{4}-\d{2}-\d{2}$/;
/** Owner values hold ids behind a tab-free prefix, and the header is NUL-separated. */
const TAB_OR_NUL = /[\t\u0000]/;
const SEP = '\u0000';

/** Numbers go to Lua as the decimal strings JavaScript writes, never through Lua's %.14g. */
export function num(n: number, what: string): string {
  if (!Number.isFinite(n)) throw new RangeError(`${what} must be a finite number: ${n}`);
  return String(n);
}

/** The port's HoldRequest, with the field a date change adds (read whether or not the port declares it yet). */
type HoldRequestMaybeMoving = HoldRequest & { replacingBookingId?: string | undefined };

/** `[base, header, ...candidates, ...nights by month run]`, validated. */
export function holdArguments(base: string, req: HoldRequestMaybeMoving, requestMemoryMs: number): [base: string, ...argv: string[]] {
  const { nights, candidateUnitIds: units, holdId, requestId, promo } = req;
  const first = nights[0];
  if (first === undefined) throw new RangeError('hold: no nights');
  const month = first.slice(0, 7);
  let oneMonth = true;
  for (const night of nights) {
    if (!NIGHT_FORM.test(night)) throw new RangeError(`hold: not a YYYY-MM-DD night: ${night}`);
    if (oneMonth && !night.startsWith(month)) oneMonth = false;
  }
  if (TAB_OR_NUL.test(holdId)) throw new RangeError(`holdId must not contain a tab or NUL: ${JSON.stringify(holdId)}`);
  if (requestId.includes(SEP)) throw new RangeError('requestId must not contain a NUL character');
  const replacing = req.replacingBookingId ?? '';
  if (TAB_OR_NUL.test(replacing)) throw new RangeError('replacingBookingId must not contain a tab or NUL');

  let runs = month;
  let ordered: readonly Night[] = nights;
  if (!oneMonth) {
    // A stay across months: nights grouped by month, first-seen order.
    const byMonth = new Map<string, Night[]>();
    for (const night of nights) {
      const run = byMonth.get(night.slice(0, 7));
      if (run) run.push(night);
      else byMonth.set(night.slice(0, 7), [night]);
    }
    runs = [...byMonth].map(([m, run]) => `${m}:${run.length}`).join(',');
    ordered = [...byMonth.values()].flat();
  }
  let promoFields = `${SEP}${SEP}`;
  if (promo) {
    if (promo.promotionId.includes(SEP)) throw new RangeError('promotionId must not contain a NUL character');
    promoFields = `${promo.promotionId}${SEP}${num(promo.nights, 'promo.nights')}${SEP}${num(promo.quota, 'promo.quota')}`;
  }
  const header =
    `${num(req.now, 'now')}${SEP}${num(req.expiresAt, 'expiresAt')}${SEP}${requestMemoryMs}${SEP}${req.now + requestMemoryMs}${SEP}` +
    `${units.length}${SEP}${promoFields}${SEP}${runs}${SEP}${holdId}${SEP}${requestId}${SEP}${nights.join(',')}${SEP}${replacing}`;
  return [base, header, ...units, ...ordered];
}

/**
 * The answer stored under `r:<requestId>` by the hold script:
 * `<keepUntil>\n<expiresAt>\n<bytes(holdId)>\n<holdId><unitId>` (Lua counts bytes).
 */
export function decodeReplay(answer: string): HeldUnit {
  const a = answer.indexOf('\n');
  const b = answer.indexOf('\n', a + 1);
  const c = answer.indexOf('\n', b + 1);
  const holdBytes = Number(answer.slice(b + 1, c));
  if (a < 0 || b < 0 || c < 0 || !Number.isInteger(holdBytes)) throw new UnexpectedReply('hold replay', answer);
  const rest = Buffer.from(answer.slice(c + 1));
  return {
    holdId: rest.subarray(0, holdBytes).toString(),
    unitId: rest.subarray(holdBytes).toString(),
    expiresAt: Number(answer.slice(a + 1, b)),
    replayed: true,
  };
}
