/**
 * Stores a new booking unless its id or its reference is taken in the property.
 * KEYS[1] property base; ARGV: 1 id, 2 reference, 3 guest ('' none, else '=' .. guestId),
 * 4 JSON document, 5 version. Returns 1 created, 0 conflict.
 * Lua never decodes the document: the fields it needs travel beside it.
 */
export const CREATE_BOOKING_LUA = `
local base = KEYS[1]
local id = ARGV[1]
local bk = base .. 'bk:' .. id
local rk = base .. 'ref:' .. ARGV[2]
if redis.call('EXISTS', bk) == 1 or redis.call('EXISTS', rk) == 1 then return 0 end
local seq = redis.call('INCR', base .. 'bseq')
redis.call('HSET', bk, 'j', ARGV[4], 'v', ARGV[5], 'r', ARGV[2], 'g', ARGV[3], 's', seq)
redis.call('SET', rk, id)
redis.call('ZADD', base .. 'bks', seq, id)
if ARGV[3] ~= '' then redis.call('ZADD', base .. 'gb:' .. string.sub(ARGV[3], 2), seq, id) end
return 1
`;
