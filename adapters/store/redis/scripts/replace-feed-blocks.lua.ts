import { LIB } from './lib.lua';

/**
 * Replaces one feed's blocks on one unit. The feed's own hash `f:<unit>:<feed>` (night →
 * uid) says what it blocked before; each changed night's value in `n:<unit>:<YYYY-MM>`
 * gets its blocks JSON {feedId: uid} rewritten, keeping the owner.
 *
 * KEYS[1] property base; ARGV: 1 unitId, 2 feed key suffix, 3 feedId, then night, uid pairs
 * (a night given twice keeps its last uid).
 * Returns {added, removed, {night, bookingId, uid, ...}} (unsorted).
 */
export const REPLACE_FEED_BLOCKS_LUA =
  LIB +
  `
local base = KEYS[1]
local unit_key = base .. 'n:' .. ARGV[1]
local fk = base .. ARGV[2]
local feed = ARGV[3]

local old = {}
local flat = redis.call('HGETALL', fk)
for i = 1, #flat, 2 do old[flat[i]] = flat[i + 1] end

local new, order = {}, {}
for i = 4, #ARGV, 2 do
  local night = ARGV[i]
  if new[night] == nil then order[#order + 1] = night end
  new[night] = ARGV[i + 1]
end

-- Sets (uid) or clears (nil) this feed's block on one night, keeping owner and other feeds.
local function set_block(night, uid)
  local key = unit_key .. ':' .. string.sub(night, 1, 7)
  local owner, blocks = split_value(redis.call('HGET', key, night))
  local t = {}
  if blocks ~= '' then t = cjson.decode(blocks) end
  t[feed] = uid
  if next(t) ~= nil then
    redis.call('HSET', key, night, owner .. '\\t' .. cjson.encode(t))
  elseif owner ~= '' then
    redis.call('HSET', key, night, owner)
  else
    redis.call('HDEL', key, night)
  end
end

local added, removed = {}, {}
for _, night in ipairs(order) do
  local uid = new[night]
  if old[night] == nil then
    added[#added + 1] = night
    set_block(night, uid)
  elseif old[night] ~= uid then
    set_block(night, uid)
  end
end
for night, _ in pairs(old) do
  if new[night] == nil then
    removed[#removed + 1] = night
    set_block(night, nil)
  end
end

redis.call('DEL', fk)
local conflicts = {}
if #order > 0 then
  local args = {}
  for _, night in ipairs(order) do
    args[#args + 1] = night
    args[#args + 1] = new[night]
  end
  for i = 1, #args, 2 * CHUNK do
    redis.call('HSET', fk, unpack(args, i, math.min(i + 2 * CHUNK - 1, #args)))
  end
  local values = read_nights(unit_key, order)
  for i, night in ipairs(order) do
    local owner = split_value(values[i])
    if string.sub(owner, 1, 2) == 'b:' then
      conflicts[#conflicts + 1] = night
      conflicts[#conflicts + 1] = string.sub(owner, 3)
      conflicts[#conflicts + 1] = new[night]
    end
  end
end
return {added, removed, conflicts}
`;
