import { LIB } from './lib.lua';

/**
 * Frees the nights a confirmed booking still owns (keeping blocks) and gives its promotion
 * nights back. KEYS[1] property base; ARGV[1] bookingId. Returns the nights freed (unsorted).
 */
export const RELEASE_BOOKING_LUA =
  LIB +
  `
local base = KEYS[1]
local booking_id = ARGV[1]
local ck = base .. 'c:' .. booking_id
local rec = redis.call('HMGET', ck, 'u', 'n', 'p', 'q')
if not rec[1] then return {} end
local freed = change_owner(base .. 'n:' .. rec[1], split_nights(rec[2]), 'b:' .. booking_id, '')
give_back_promo(base, rec[3], rec[4])
redis.call('DEL', ck)
return freed
`;
