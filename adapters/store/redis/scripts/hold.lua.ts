import { LIB } from './lib.lua';

/**
 * The claim: one EVALSHA per hold, all or nothing.
 *
 * KEYS[1] property base.
 * ARGV[1] the header, NUL-separated: now, expiresAt, request memory (ms), now + memory,
 *         candidate count c, promotionId ('' none), promotion nights, quota,
 *         months: `YYYY-MM` when every night is in that month (nearly always), else the
 *         month runs `YYYY-MM:k,YYYY-MM:k` in the order of the nights that follow,
 *         holdId, requestId, the nights comma-joined (as given, for the record),
 *         replacingBookingId ('' none: else that booking's own nights count as free).
 * ARGV[2..1+c] candidate unit ids; then the nights, grouped by month run.
 *
 * Every argument costs about as much as a Redis command across client parsing, RESP and
 * Lua marshalling, so scalars travel in one header split by a single string.match, and the
 * strings the script stores are built here, each in one concatenation.
 *
 * Returns the 1-based index of the claimed candidate, 0 sold out, -1 promotion quota, or,
 * for a remembered request id, the stored answer
 * `<keepUntil>\n<expiresAt>\n<bytes(holdId)>\n<holdId><unitId>`.
 */
export const HOLD_LUA = `
local base = KEYS[1]
local now, exp, memory, keep, count, promo, promo_nights, quota, runs, hold_id, request_id, csv, replacing =
  string.match(ARGV[1], '^([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)%z([^%z]*)$')
now = tonumber(now)
local rk = base .. 'r:' .. request_id
local prev = redis.call('GET', rk)
if prev then
  if tonumber(string.sub(prev, 1, string.find(prev, '\\n', 1, true) - 1)) > now then return prev end
end

if promo ~= '' then
  -- Rare path: the shared library (its closures cost to create) only lives in here.
  local over = (function()
${LIB}
    -- Expired holds give their promotion nights back before we count.
    local want = tonumber(promo_nights)
    local limit = tonumber(quota)
    sweep_expired(base, now, 16)
    local used = tonumber(redis.call('HGET', base .. 'pu', promo) or '0')
    if used + want <= limit then return false end
    local _, seen = sweep_expired(base, now, 1000)
    if seen > 0 then used = tonumber(redis.call('HGET', base .. 'pu', promo) or '0') end
    return used + want > limit
  end)()
  if over then return -1 end
end

count = tonumber(count)
local first = 2 + count
local last = #ARGV

-- True when every value read is free: nothing, a hold ('h' = 104) without blocks (no tab)
-- that has expired, or the booking being moved (without blocks).
local moving = false
if replacing ~= '' then moving = 'b:' .. replacing end
local function all_free(got)
  for j = 1, #got do
    local v = got[j]
    if v and v ~= moving then
      if string.byte(v, 1) ~= 104 or string.find(v, '\\t', 3, true) then return false end
      if tonumber(string.sub(v, 3, string.find(v, ':', 3, true) - 1)) > now then return false end
    end
  end
  return true
end

-- gots[r]: the values read for run r. Nights the moved booking already owns stay its own:
-- if this hold lapses before the move, they must not fall free under a live booking.
local function claim(i, unit, keys, spans, gots)
  -- The record doubles as the guard against a reused hold id: SET NX writes nothing then.
  local record = exp .. '\\n' .. promo_nights .. '\\n' .. csv .. '\\n' .. #promo .. '\\n' .. promo .. unit
  if not redis.call('SET', base .. 'h:' .. hold_id, record, 'NX') then
    return redis.error_reply('ERR hold id already in use: ' .. hold_id)
  end
  local owner = 'h:' .. exp .. ':' .. hold_id
  for r = 1, #keys do
    local args = {}
    local got = gots[r]
    local from = spans[2 * r - 1]
    for j = from, spans[2 * r] do
      if not (moving and got[j - from + 1] == moving) then
        args[#args + 1] = ARGV[j]
        args[#args + 1] = owner
      end
    end
    if #args > 0 then redis.call('HSET', keys[r], unpack(args)) end
  end
  redis.call('ZADD', base .. 'hx', exp, hold_id)
  if promo ~= '' then redis.call('HINCRBY', base .. 'pu', promo, promo_nights) end
  redis.call('SET', rk, keep .. '\\n' .. exp .. '\\n' .. #hold_id .. '\\n' .. hold_id .. unit, 'PX', memory)
  return i
end

if #runs == 7 then
  -- Every night in one month (nearly every stay): one bucket per candidate.
  for i = 1, count do
    local unit = ARGV[1 + i]
    local key = base .. 'n:' .. unit .. ':' .. runs
    local got = redis.call('HMGET', key, unpack(ARGV, first, last))
    if all_free(got) then
      return claim(i, unit, {key}, {first, last}, {got})
    end
  end
  return 0
end

-- Across months: runs "YYYY-MM:k,...", nights in that order; spans are ARGV index pairs.
local months, spans = {}, {}
local a = first
for m, k in string.gmatch(runs, '([^:,]+):(%d+)') do
  months[#months + 1] = m
  spans[#spans + 1] = a
  a = a + tonumber(k)
  spans[#spans + 1] = a - 1
end
for i = 1, count do
  local unit = ARGV[1 + i]
  local keys, gots = {}, {}
  local free = true
  for r = 1, #months do
    keys[r] = base .. 'n:' .. unit .. ':' .. months[r]
    gots[r] = redis.call('HMGET', keys[r], unpack(ARGV, spans[2 * r - 1], spans[2 * r]))
    if not all_free(gots[r]) then
      free = false
      break
    end
  end
  if free then return claim(i, unit, keys, spans, gots) end
end
return 0
`;
