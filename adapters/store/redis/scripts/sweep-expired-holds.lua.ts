import { LIB } from './lib.lua';

/**
 * One bounded step of the sweep: scans about ARGV[3] live holds of `hx` from cursor ARGV[2]
 * and releases those whose expiry is <= ARGV[1] (epoch ms).
 * KEYS[1] property base. Returns {released, next cursor}; the caller loops until cursor '0'.
 */
export const SWEEP_EXPIRED_HOLDS_LUA =
  LIB +
  `
local released, cursor = sweep_step(KEYS[1], ARGV[1], ARGV[2], ARGV[3])
return {released, cursor}
`;
