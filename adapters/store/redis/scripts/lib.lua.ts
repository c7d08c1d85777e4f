/**
 * Lua shared by the inventory scripts: `LIB + body`. KEYS[1] is always the property base
 * `<prefix>{p:<propertyId>}:` and every key is that base plus a suffix, so a script touches
 * one Cluster slot.
 *
 * A unit's nights live in month buckets `n:<unitId>:<YYYY-MM>`, one field per night whose
 * value is `<owner>` or `<owner>\t<blocks>`:
 *   owner  `h:<expiresAt>:<holdId>`, `b:<bookingId>`, or '' when only blocked;
 *   blocks JSON {feedId: uid} of the feeds blocking the night (JSON never holds a raw tab).
 * So a claim reads a stay in one HMGET per month, and may overwrite a night blindly since it
 * only claims nights without blocks. Small buckets keep each hash a short listpack, which
 * Redis scans linearly (one hash per unit holding every night ever sold made every claim
 * scan hundreds of fields).
 *
 * A live hold is the field <holdId> of the hash `hx`, whose value is
 * `<keepUntil>\0<expiresAt>\0<promo nights>\0<nights,>\0<promotionId>\0<holdId>\0<unitId>`, the same
 * value the hold script stores as its request memory (keepUntil means nothing here). The
 * sweeper scans `hx` for holds whose expiresAt has passed.
 */
export const LIB = `
local function split_nights(s)
  local t = {}
  for x in string.gmatch(s, '[^,]+') do t[#t + 1] = x end
  return t
end

local function parse_hold(rec)
  local find, sub = string.find, string.sub
  local a = find(rec, '\\0', 1, true)
  local b = find(rec, '\\0', a + 1, true)
  local c = find(rec, '\\0', b + 1, true)
  local d = find(rec, '\\0', c + 1, true)
  local e = find(rec, '\\0', d + 1, true)
  local f = find(rec, '\\0', e + 1, true)
  return {
    e = sub(rec, a + 1, b - 1),
    q = sub(rec, b + 1, c - 1),
    n = sub(rec, c + 1, d - 1),
    p = sub(rec, d + 1, e - 1),
    u = sub(rec, f + 1),
  }
end

-- A night's value as owner ('' for none) and blocks JSON ('' for none).
local function split_value(v)
  if not v then return '', '' end
  local t = string.find(v, '\\t', 1, true)
  if not t then return v, '' end
  return string.sub(v, 1, t - 1), string.sub(v, t + 1)
end

-- unpack has a stack limit (~8000): large lists go in chunks.
local CHUNK = 1000

-- Nights grouped by month bucket, in first-seen order: months[k] = 'YYYY-MM',
-- groups['YYYY-MM'] = {fields = {night...}, at = {index in nights...}}.
local function by_month(nights)
  local months, groups = {}, {}
  for i = 1, #nights do
    local m = string.sub(nights[i], 1, 7)
    local g = groups[m]
    if not g then
      g = {fields = {}, at = {}}
      groups[m] = g
      months[#months + 1] = m
    end
    g.fields[#g.fields + 1] = nights[i]
    g.at[#g.at + 1] = i
  end
  return months, groups
end

-- The raw values of the nights of <unit_key>:<month>, aligned with nights (false when absent).
local function read_nights(unit_key, nights)
  local out = {}
  local months, groups = by_month(nights)
  for _, m in ipairs(months) do
    local g = groups[m]
    for i = 1, #g.fields, CHUNK do
      local j = math.min(i + CHUNK - 1, #g.fields)
      local part = redis.call('HMGET', unit_key .. ':' .. m, unpack(g.fields, i, j))
      for k = 1, #part do out[g.at[i + k - 1]] = part[k] end
    end
  end
  return out
end

-- Gives each night in \`nights\` (whose current raw values are \`values\`) a new owner,
-- keeping its blocks; owner '' frees it (the field goes when nothing is left).
local function set_owners(unit_key, nights, values, owner)
  for i = 1, #nights do
    local _, blocks = split_value(values[i])
    local key = unit_key .. ':' .. string.sub(nights[i], 1, 7)
    if blocks == '' then
      if owner == '' then redis.call('HDEL', key, nights[i]) else redis.call('HSET', key, nights[i], owner) end
    else
      redis.call('HSET', key, nights[i], owner .. '\\t' .. blocks)
    end
  end
end

-- Replaces the owner of the nights currently owned by \`from\`; returns the nights changed.
local function change_owner(unit_key, nights, from, to)
  local values = read_nights(unit_key, nights)
  local changed, changed_values = {}, {}
  for i = 1, #nights do
    local owner = split_value(values[i])
    if owner == from then
      changed[#changed + 1] = nights[i]
      changed_values[#changed_values + 1] = values[i]
    end
  end
  set_owners(unit_key, changed, changed_values, to)
  return changed
end

local function give_back_promo(base, promo, nights)
  if promo and promo ~= '' then
    local left = redis.call('HINCRBY', base .. 'pu', promo, -tonumber(nights))
    if left <= 0 then redis.call('HDEL', base .. 'pu', promo) end
  end
end

-- Frees the nights of the hold \`hold_id\` whose stored value is \`raw\` (where they are still
-- its own), gives its promotion nights back, forgets it.
local function release_record(base, hold_id, raw)
  local rec = parse_hold(raw)
  change_owner(base .. 'n:' .. rec.u, split_nights(rec.n), 'h:' .. rec.e .. ':' .. hold_id, '')
  give_back_promo(base, rec.p, rec.q)
  redis.call('HDEL', base .. 'hx', hold_id)
end

-- Releases the hold \`hold_id\`; returns true when there was one.
local function release_hold(base, hold_id)
  local raw = redis.call('HGET', base .. 'hx', hold_id)
  if not raw then return false end
  release_record(base, hold_id, raw)
  return true
end

-- The live hold \`hold_id\`, parsed; or nil and 0 when there is none, nil and -1 when it has
-- expired by \`now\` (it is released on the way, so its nights are free again).
local function live_hold(base, hold_id, now)
  local raw = redis.call('HGET', base .. 'hx', hold_id)
  if not raw then return nil, 0 end
  local rec = parse_hold(raw)
  if tonumber(rec.e) <= tonumber(now) then
    release_record(base, hold_id, raw)
    return nil, -1
  end
  return rec
end

-- A stored hold value's expiresAt, as a number.
local function expires_at(raw)
  local a = string.find(raw, '\\0', 1, true)
  return tonumber(string.sub(raw, a + 1, string.find(raw, '\\0', a + 1, true) - 1))
end

-- One HSCAN step over the live holds from \`cursor\`: releases those expired by \`now\`.
-- Returns the number released and the next cursor ('0' when the scan is complete).
-- A scan may return a hold twice (or one released and re-placed since), so each expired
-- one is read again before it is released.
local function sweep_step(base, now, cursor, count)
  local hx = base .. 'hx'
  local step = redis.call('HSCAN', hx, cursor, 'COUNT', count)
  local flat = step[2]
  local released = 0
  now = tonumber(now)
  for i = 1, #flat, 2 do
    if expires_at(flat[i + 1]) <= now then
      local raw = redis.call('HGET', hx, flat[i])
      if raw and expires_at(raw) <= now then
        release_record(base, flat[i], raw)
        released = released + 1
      end
    end
  end
  return released, step[1]
end

-- Releases every hold expired by \`now\`; returns how many.
local function sweep_expired(base, now)
  local released, cursor = 0, '0'
  repeat
    local n
    n, cursor = sweep_step(base, now, cursor, 500)
    released = released + n
  until cursor == '0'
  return released
end
`;
