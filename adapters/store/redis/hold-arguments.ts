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
const TAB_OR_NUL = /[\t\0]/;
const SEP = '\u0000';

/** Numbers go to Lua as the decimal strings JavaScript writes, never through Lua's %.14g. */
export function num(n: number, what: string): string {
  if (!Number.isFinite(n)) throw new RangeError(`${what} must be a finite number: ${n}`);
  return String(n);
}

/** The port's HoldRequest, with the field a date change adds (read whether or not the port declares it yet). */
type HoldRequestMaybeMoving = HoldRequest & { replacingBookingId?: string | undefined };

/** Where each of the header's nine fields ends, as three base-128 digits apiece (bytes < 128: one UTF-8 byte each). */
export const OFFSET_BYTES = 27;
const MAX_OFFSET = 128 ** 3 - 1;

/**
 * `[base, header]`, or `[base, header, rare]` for a claim with a promotion, a booking being
 * moved, or nights in more than one month. Validated.
 *
 * Every argument costs about as much as a Redis command across ioredis, RESP and Lua
 * marshalling (measured: ~0.5 µs of client CPU each), so everything travels in one header:
 * first the 1-based byte positions of the NULs ending its nine fields (OFFSET_BYTES, read
 * in Lua with one string.byte instead of nine string.find), then the NUL-separated fields,
 * laid out so that their start is the value the script stores:
 *
 *   keepUntil \0 expiresAt \0 promo nights \0 nights, \0 promotionId \0 holdId \0
 *   requestId \0 request memory (ms) \0 now \0 candidate unit \0 candidate unit …
 *
 * rare: `<quota>\0<multi-month: 1 or ''>\0<replacingBookingId>`.
 */
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
  for (const unit of units) {
    if (unit === '' || unit.includes(SEP)) throw new RangeError(`unit ids must be non-empty, without NUL: ${JSON.stringify(unit)}`);
  }
  const replacing = req.replacingBookingId ?? '';
  if (TAB_OR_NUL.test(replacing)) throw new RangeError('replacingBookingId must not contain a tab or NUL');

  let promoNights = '';
  let promotionId = '';
  let quota = '';
  if (promo) {
    if (promo.promotionId.includes(SEP)) throw new RangeError('promotionId must not contain a NUL character');
    promotionId = promo.promotionId;
    promoNights = num(promo.nights, 'promo.nights');
    quota = num(promo.quota, 'promo.quota');
  }
  const fields = [
    num(req.now + requestMemoryMs, 'now + request memory'),
    num(req.expiresAt, 'expiresAt'),
    promoNights,
    nights.join(','),
    promotionId,
    holdId,
    requestId,
    num(requestMemoryMs, 'request memory'),
    num(req.now, 'now'),
  ];
  const digits: number[] = [];
  let end = OFFSET_BYTES;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    // Numbers and nights are ASCII; ids may not be.
    end += (i >= 4 && i <= 6 ? Buffer.byteLength(field) : field.length) + 1;
    digits.push(end >> 14, (end >> 7) & 127, end & 127);
  }
  if (end > MAX_OFFSET) throw new RangeError('hold: request too large');
  const offsets = String.fromCharCode(...digits);
  const header = `${offsets}${fields.join(SEP)}${SEP}${units.join(SEP)}`;
  if (promo || replacing !== '' || !oneMonth) return [base, header, `${quota}${SEP}${oneMonth ? '' : '1'}${SEP}${replacing}`];
  return [base, header];
}

/**
 * The value the hold script stores under `r:<requestId>` (and as the hold's field in `hx`),
 * returned again for a repeated request id:
 * `<keepUntil>\0<expiresAt>\0<promo nights>\0<nights,>\0<promotionId>\0<holdId>\0<unitId>`.
 */
export function decodeReplay(answer: string): HeldUnit {
  let at = -1;
  const cut: number[] = [];
  for (let i = 0; i < 6; i++) {
    at = answer.indexOf(SEP, at + 1);
    if (at < 0) throw new UnexpectedReply('hold replay', answer);
    cut.push(at);
  }
  const expiresAt = Number(answer.slice((cut[0] as number) + 1, cut[1]));
  if (!Number.isFinite(expiresAt)) throw new UnexpectedReply('hold replay', answer);
  return {
    holdId: answer.slice((cut[4] as number) + 1, cut[5]),
    unitId: answer.slice((cut[5] as number) + 1),
    expiresAt,
    replayed: true,
  };
}
