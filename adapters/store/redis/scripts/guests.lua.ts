/**
 * Upserts a guest and keeps the identity index current: identities the guest no longer has
 * are dropped (unless another guest has taken them since).
 * KEYS[1] property base; ARGV: 1 guestId, 2 JSON, then identity fields.
 */
export const SAVE_GUEST_LUA = `
local base = KEYS[1]
local gid = ARGV[1]
local sk = base .. 'gi:' .. gid
local ik = base .. 'id'
local keep = {}
for i = 3, #ARGV do keep[ARGV[i]] = true end
local old = redis.call('SMEMBERS', sk)
for _, f in ipairs(old) do
  if not keep[f] and redis.call('HGET', ik, f) == gid then redis.call('HDEL', ik, f) end
end
redis.call('DEL', sk)
for i = 3, #ARGV do
  redis.call('HSET', ik, ARGV[i], gid)
  redis.call('SADD', sk, ARGV[i])
end
redis.call('SET', base .. 'g:' .. gid, ARGV[2])
return 1
`;

/** KEYS[1] property base; ARGV[1] identity field. Returns the guest JSON or nil. */
export const FIND_GUEST_BY_IDENTITY_LUA = `
local gid = redis.call('HGET', KEYS[1] .. 'id', ARGV[1])
if not gid then return false end
return redis.call('GET', KEYS[1] .. 'g:' .. gid)
`;
