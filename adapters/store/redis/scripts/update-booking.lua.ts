/**
 * Optimistic write: only over stored version ARGV[5] - 1, and never changing the reference.
 * KEYS[1] property base; ARGV as for create. Returns 1 written, 0 conflict.
 */
export const UPDATE_BOOKING_LUA = `
local base = KEYS[1]
local id = ARGV[1]
local bk = base .. 'bk:' .. id
local rec = redis.call('HMGET', bk, 'v', 'r', 'g', 's')
if not rec[1] then return 0 end
if tonumber(rec[1]) ~= tonumber(ARGV[5]) - 1 or rec[2] ~= ARGV[2] then return 0 end
if rec[3] ~= ARGV[3] then
  if rec[3] ~= '' then redis.call('ZREM', base .. 'gb:' .. string.sub(rec[3], 2), id) end
  if ARGV[3] ~= '' then redis.call('ZADD', base .. 'gb:' .. string.sub(ARGV[3], 2), rec[4], id) end
end
redis.call('HSET', bk, 'j', ARGV[4], 'v', ARGV[5], 'g', ARGV[3])
return 1
`;
