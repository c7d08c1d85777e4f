/**
 * Booking documents listed by a sorted set of ids (`bks` or `gb:<guestId>`), in creation order.
 * KEYS[1] property base; ARGV[1] the index suffix. Returns the JSON documents.
 */
export const LIST_BOOKINGS_LUA = `
local base = KEYS[1]
local ids = redis.call('ZRANGE', base .. ARGV[1], 0, -1)
local out = {}
for i = 1, #ids do
  local doc = redis.call('HGET', base .. 'bk:' .. ids[i], 'j')
  if doc then out[#out + 1] = doc end
end
return out
`;

/** KEYS[1] property base; ARGV[1] reference. Returns the JSON document or nil. */
export const FIND_BOOKING_BY_REFERENCE_LUA = `
local id = redis.call('GET', KEYS[1] .. 'ref:' .. ARGV[1])
if not id then return false end
return redis.call('HGET', KEYS[1] .. 'bk:' .. id, 'j')
`;
