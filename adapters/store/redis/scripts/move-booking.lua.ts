import { LIB } from './lib.lua';

/**
 * Moves a confirmed booking onto a live hold (new dates or unit), as the memory store does:
 * the old nights it still owns are freed and its promotion nights given back, the hold's
 * nights become the booking's, and `c:<bookingId>` describes the new claim. The hold was
 * placed with replacingBookingId: nights the two stays share on the same unit were left the
 * booking's, so a hold that lapses before the move never frees a night of a live booking.
 *
 * KEYS[1] property base; ARGV: 1 holdId, 2 bookingId, 3 now.
 * Returns {1, unitId, nights joined by ','}, {0} unknown hold, {-1} expired hold (released),
 * {-2} unknown booking. Repeating a move that succeeded answers the same.
 */
export const MOVE_BOOKING_LUA =
  LIB +
  `
local base = KEYS[1]
local hold_id = ARGV[1]
local booking_id = ARGV[2]
local ck = base .. 'c:' .. booking_id
local claim = redis.call('HMGET', ck, 'h', 'u', 'n', 'p', 'q')
if claim[1] == hold_id then return {1, claim[2], claim[3]} end
if not claim[1] then return {-2} end

local rec, missing = live_hold(base, hold_id, ARGV[3])
if not rec then return {missing} end

local ours = 'b:' .. booking_id
-- Nights both stays share on the same unit stayed the booking's throughout (the hold did not
-- take them); only the nights the new stay drops go back to stock.
local kept = {}
if claim[2] == rec.u then
  for _, n in ipairs(split_nights(rec.n)) do kept[n] = true end
end
local dropped = {}
for _, n in ipairs(split_nights(claim[3])) do
  if not kept[n] then dropped[#dropped + 1] = n end
end
change_owner(base .. 'n:' .. claim[2], dropped, ours, '')
give_back_promo(base, claim[4], claim[5])
change_owner(base .. 'n:' .. rec.u, split_nights(rec.n), 'h:' .. rec.e .. ':' .. hold_id, ours)
redis.call('HSET', ck, 'h', hold_id, 'u', rec.u, 'n', rec.n, 'p', rec.p, 'q', rec.q)
redis.call('HDEL', base .. 'hx', hold_id)
return {1, rec.u, rec.n}
`;
