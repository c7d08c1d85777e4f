import { LIB } from './lib.lua';

/**
 * Releases up to ARGV[2] holds whose expiry is <= ARGV[1] (epoch ms).
 * KEYS[1] property base. Returns {released, looked at}; the caller loops while a batch is full.
 */
export const SWEEP_EXPIRED_HOLDS_LUA =
  LIB +
  `
local released, seen = sweep_expired(KEYS[1], ARGV[1], tonumber(ARGV[2]))
return {released, seen}
`;
