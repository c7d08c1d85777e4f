import { LIB } from './lib.lua';

/**
 * One consistent snapshot of owners and external blocks.
 * KEYS[1] property base; ARGV: 1 unit count u, 2..1+u unit ids, then the nights.
 * Returns, per unit, the raw night values (`<owner>[\t<blocks JSON>]` or nil) aligned with nights.
 */
export const READ_UNIT_NIGHTS_LUA =
  LIB +
  `
local base = KEYS[1]
local count = tonumber(ARGV[1])
local nights = {}
for j = 2 + count, #ARGV do nights[#nights + 1] = ARGV[j] end
local out = {}
for i = 1, count do
  out[i] = read_nights(base .. 'n:' .. ARGV[1 + i], nights)
end
return out
`;
