import { LIB } from './lib.lua';

/**
 * A live hold becomes a booking: its nights change owner (keeping any blocks), its
 * promotion nights stay taken, and the claim is kept as `c:<bookingId>` for releaseBooking.
 *
 * KEYS[1] property base; ARGV: 1 holdId, 2 bookingId, 3 now.
 * Returns {1, unitId, nights joined by ','}, {0} unknown hold, {-1} expired (and released).
 */
export const CONFIRM_HOLD_LUA =
  LIB +
  `
local base = KEYS[1]
local hold_id = ARGV[1]
local booking_id = ARGV[2]
local ck = base .. 'c:' .. booking_id
local done = redis.call('HMGET', ck, 'h', 'u', 'n')
if done[1] == hold_id then return {1, done[2], done[3]} end

local rec, missing = live_hold(base, hold_id, ARGV[3])
if not rec then return {missing} end
if done[1] then return redis.error_reply('ERR booking id ' .. booking_id .. ' already confirmed hold ' .. done[1]) end

change_owner(base .. 'n:' .. rec.u, split_nights(rec.n), 'h:' .. rec.e .. ':' .. hold_id, 'b:' .. booking_id)
redis.call('HSET', ck, 'h', hold_id, 'u', rec.u, 'n', rec.n, 'p', rec.p, 'q', rec.q)
redis.call('HDEL', base .. 'hx', hold_id)
return {1, rec.u, rec.n}
`;
