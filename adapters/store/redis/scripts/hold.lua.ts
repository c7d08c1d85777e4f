import { OFFSET_BYTES } from '../hold-arguments';
import { LIB } from './lib.lua';

/** Locals for the header's offset digits, o1..o27. */
const DIGITS = Array.from({ length: OFFSET_BYTES }, (_, i) => `o${i + 1}`);

/** Stays up to this many nights take the common claim with explicit arguments (no Lua tables). */
export const UNROLLED_NIGHTS = 7;

/** Lua: true when the stored request value `v` is still remembered at now. */
const remembered = (v: string) =>
  `find(${v}, '\\0', 1, true) and tonumber(sub(${v}, 1, find(${v}, '\\0', 1, true) - 1)) > (now or tonumber(sub(h, e8 + 1, e9 - 1)))`;

/**
 * Lua, indented by `indent`: records the hold as field <holdId> of `hx` (with the request's
 * stored `value`), which doubles as the guard against a reused hold id (HSETNX writes nothing
 * then, and the request memory just written is dropped); then `owner`, the value its nights
 * take. Spliced into both claims as text, so the script Redis runs is unchanged.
 */
function recordHold(indent: string): string {
  return [
    `local hold_id = sub(h, e5 + 1, e6 - 1)`,
    `if redis.call('HSETNX', base .. 'hx', hold_id, value) == 0 then`,
    `  redis.call('DEL', rk)`,
    `  return redis.error_reply('ERR hold id already in use: ' .. hold_id)`,
    `end`,
    `local exp = sub(h, e1 + 1, e2 - 1)`,
    `local owner = 'h:' .. exp .. ':' .. hold_id`,
  ]
    .map((line) => indent + line)
    .join('\n');
}

/**
 * The common claim for exactly `k` nights in one month, no promotion, no move: the nights
 * are locals n1..nk and go to HMGET and HSET as explicit arguments. Building, unpacking and
 * collecting Lua tables cost more than the whole rest of this path (measured under
 * callgrind: ~12k of ~110k instructions a hold for a 3-night stay).
 */
function commonClaim(k: number): string {
  const names = Array.from({ length: k }, (_, j) => `n${j + 1}`);
  const subs = names.map((_, j) => `sub(h, e3 + ${11 * j + 1}, e3 + ${11 * j + 10})`);
  return `
  local ${names.join(', ')} = ${subs.join(', ')}
  local month = sub(h, e3 + 1, e3 + 7)
  local i, pos, len = 0, e9 + 1, #h
  while pos <= len do
    local q = find(h, '\\0', pos, true) or len + 1
    local unit = sub(h, pos, q - 1)
    pos = q + 1
    i = i + 1
    local key = base .. 'n:' .. unit .. ':' .. month
    local got = redis.call('HMGET', key, ${names.join(', ')})
    local free = true
    for j = 1, ${k} do
      local v = got[j]
      if v then
        if byte(v, 1) ~= 104 or find(v, '\\t', 3, true) then
          free = false
          break
        end
        now = now or tonumber(sub(h, e8 + 1, e9 - 1))
        if tonumber(sub(v, 3, find(v, ':', 3, true) - 1)) > now then
          free = false
          break
        end
      end
    end
    if free then
      local value = sub(h, ${OFFSET_BYTES + 1}, e6) .. unit
      local memory = sub(h, e7 + 1, e8 - 1)
      local prev = redis.call('SET', rk, value, 'NX', 'GET', 'PX', memory)
      if prev then
        if ${remembered('prev')} then return prev end
        redis.call('SET', rk, value, 'PX', memory)
      end
${recordHold('      ')}
      redis.call('HSET', key, ${names.map((n) => `${n}, owner`).join(', ')})
      return i
    end
  end
  local prev = redis.call('GET', rk)
  if prev and ${remembered('prev')} then return prev end
  return 0`;
}

/** Branches on the night count, the usual stays first. */
function commonClaims(): string {
  const order = [3, 2, 4, 1, 5, 6, 7].filter((k) => k <= UNROLLED_NIGHTS);
  return order.map((k, j) => `${j === 0 ? 'if' : 'elseif'} n == ${k} then${commonClaim(k)}\n`).join('') + 'end';
}

/**
 * The claim: one EVALSHA per hold, all or nothing.
 *
 * KEYS[1] property base.
 * ARGV[1] the header (built by hold-arguments.ts): OFFSET_BYTES giving where its first nine
 *         fields end, then the fields, NUL-separated:
 *           keepUntil, expiresAt, promotion nights, the nights comma-joined (as given),
 *           promotionId, holdId, requestId, request memory (ms), now, candidate unit ids…
 *         The fields up to and including the NUL after the hold id, followed by the claimed
 *         unit id, are the value stored under `r:<requestId>` and as field <holdId> of `hx`.
 * ARGV[2] only for a promotion, a booking being moved or nights in more than one month:
 *         `<quota>\0<'1' when the nights span months, else ''>\0<replacingBookingId>`.
 *
 * Returns the 1-based index of the claimed candidate, 0 sold out, -1 promotion quota, or,
 * for a request id still remembered at `now`, the stored value
 * `<keepUntil>\0<expiresAt>\0<promo nights>\0<nights,>\0<promotionId>\0<holdId>\0<unitId>`.
 *
 * The common claim (one month, no promotion, no move, up to UNROLLED_NIGHTS nights) is the
 * hot path, four commands: HMGET of the nights per candidate; SET NX GET PX of the request
 * memory, which doubles as the idempotency check (no GET up front: a remembered request
 * gets its first answer back and nothing is written); HSETNX of the hold into `hx`, at once
 * its record, the guard against a reused hold id and what the sweeper scans (an integer
 * reply: a status reply would cost a Lua table); HSET of the nights. A sold-out claim reads
 * the request memory afterwards instead, since a replay finds its own nights taken.
 * Lua costs show at this scale (Redis 7.0 under callgrind, per 3-night hold: a redis.call
 * ~3k instructions besides its command; the night and argument tables ~12k of ~110k; nine
 * plain string.find ~4k), so fields are cut at offsets given up front, nights at their fixed
 * width, numbers stay strings, and the shared library's closures are only built for a
 * promotion.
 */
export const HOLD_LUA = `
local base, h = KEYS[1], ARGV[1]
local find, sub, byte = string.find, string.sub, string.byte
-- Where the header's fields end (hold-arguments.ts): three base-128 digits each.
local ${DIGITS.join(', ')} = byte(h, 1, ${OFFSET_BYTES})
local e1 = (o1 * 128 + o2) * 128 + o3        -- keepUntil
local e2 = (o4 * 128 + o5) * 128 + o6        -- expiresAt
local e3 = (o7 * 128 + o8) * 128 + o9        -- promotion nights
local e4 = (o10 * 128 + o11) * 128 + o12     -- nights, comma-joined, 10 bytes each
local e5 = (o13 * 128 + o14) * 128 + o15     -- promotionId
local e6 = (o16 * 128 + o17) * 128 + o18     -- holdId
local e7 = (o19 * 128 + o20) * 128 + o21     -- requestId
local e8 = (o22 * 128 + o23) * 128 + o24     -- request memory
local e9 = (o25 * 128 + o26) * 128 + o27     -- now; the candidate units follow
local rk = base .. 'r:' .. sub(h, e6 + 1, e7 - 1)
local now = false -- a number once needed
local n = (e4 - e3) / 11

if not ARGV[2] then
${commonClaims()}
end

-- Everything else: a promotion, a booking being moved, nights across months, long stays.

-- True when a stored request value is still remembered at now.
local function remembered(prev)
  local k = find(prev, '\\0', 1, true)
  if not k then return false end
  now = now or tonumber(sub(h, e8 + 1, e9 - 1))
  return tonumber(sub(prev, 1, k - 1)) > now
end

local checked, moving, multi, promo = false, false, false, ''
local rare = ARGV[2]
if rare then
  -- A repeated request id answers first, whatever the quota or the stock say now.
  local prev = redis.call('GET', rk)
  if prev and remembered(prev) then return prev end
  checked = true
  local quota, spans, replacing = string.match(rare, '^([^%z]*)%z([^%z]*)%z(.*)$')
  if replacing ~= '' then moving = 'b:' .. replacing end
  multi = spans ~= ''
  promo = sub(h, e4 + 1, e5 - 1)
  if promo ~= '' then
    now = now or tonumber(sub(h, e8 + 1, e9 - 1))
    -- Rare path: the shared library (its closures cost to create) only lives in here.
    local over = (function()
${LIB}
      -- Over the quota? Expired holds give their promotion nights back before we say so.
      local want = tonumber(sub(h, e2 + 1, e3 - 1))
      local limit = tonumber(quota)
      local used = tonumber(redis.call('HGET', base .. 'pu', promo) or '0')
      if used + want <= limit then return false end
      if sweep_expired(base, now) > 0 then used = tonumber(redis.call('HGET', base .. 'pu', promo) or '0') end
      return used + want > limit
    end)()
    if over then return -1 end
  end
end

local nights = {}
for j = 1, n do nights[j] = sub(h, e3 + 11 * j - 10, e3 + 11 * j - 1) end

-- True when some value read is taken: anything but nothing, a hold ('h' = 104) without
-- blocks (no tab) that has expired, or the booking being moved (without blocks).
local function taken(got)
  for j = 1, #got do
    local v = got[j]
    if v and v ~= moving then
      if byte(v, 1) ~= 104 or find(v, '\\t', 3, true) then return true end
      now = now or tonumber(sub(h, e8 + 1, e9 - 1))
      if tonumber(sub(v, 3, find(v, ':', 3, true) - 1)) > now then return true end
    end
  end
  return false
end

-- The first candidate free on every night: its index, unit, and per month bucket the key,
-- the nights and the values read.
local chosen, unit, keys, groups, gots
local i, pos, len = 0, e9 + 1, #h
if not multi then
  local month = sub(h, e3 + 1, e3 + 7)
  while pos <= len do
    local q = find(h, '\\0', pos, true) or len + 1
    local u = sub(h, pos, q - 1)
    pos = q + 1
    i = i + 1
    local key = base .. 'n:' .. u .. ':' .. month
    local got = redis.call('HMGET', key, unpack(nights, 1, n))
    if not taken(got) then
      chosen, unit, keys, groups, gots = i, u, {key}, {nights}, {got}
      break
    end
  end
else
  -- Across months: nights grouped by month bucket, in first-seen order.
  local months, at = {}, {}
  groups = {}
  for j = 1, n do
    local m = sub(nights[j], 1, 7)
    local r = at[m]
    if not r then
      r = #months + 1
      at[m] = r
      months[r] = m
      groups[r] = {}
    end
    local g = groups[r]
    g[#g + 1] = nights[j]
  end
  while pos <= len do
    local q = find(h, '\\0', pos, true) or len + 1
    local u = sub(h, pos, q - 1)
    pos = q + 1
    i = i + 1
    local ks, gs = {}, {}
    local free = true
    for r = 1, #months do
      ks[r] = base .. 'n:' .. u .. ':' .. months[r]
      gs[r] = redis.call('HMGET', ks[r], unpack(groups[r]))
      if taken(gs[r]) then
        free = false
        break
      end
    end
    if free then
      chosen, unit, keys, gots = i, u, ks, gs
      break
    end
  end
end

if not chosen then
  if not checked then
    -- Sold out, unless this request id already holds these nights.
    local prev = redis.call('GET', rk)
    if prev and remembered(prev) then return prev end
  end
  return 0
end

-- The request memory first: written only when the request id is new (or forgotten by now),
-- else its first answer goes back and nothing is claimed.
local value = sub(h, ${OFFSET_BYTES + 1}, e6) .. unit
local memory = sub(h, e7 + 1, e8 - 1)
if checked then
  redis.call('SET', rk, value, 'PX', memory)
else
  local prev = redis.call('SET', rk, value, 'NX', 'GET', 'PX', memory)
  if prev then
    if remembered(prev) then return prev end
    redis.call('SET', rk, value, 'PX', memory)
  end
end
-- The record doubles as the guard against a reused hold id: SET NX writes nothing then.
${recordHold('')}
-- Nights the moved booking already owns stay its own: if this hold lapses before the move,
-- they must not fall free under a live booking.
for r = 1, #keys do
  local fields, got = groups[r], gots[r]
  local args, a = {}, 0
  for j = 1, #fields do
    if not (moving and got[j] == moving) then
      args[a + 1] = fields[j]
      args[a + 2] = owner
      a = a + 2
    end
  end
  if a > 0 then redis.call('HSET', keys[r], unpack(args, 1, a)) end
end
if promo ~= '' then redis.call('HINCRBY', base .. 'pu', promo, sub(h, e2 + 1, e3 - 1)) end
return chosen
`;
