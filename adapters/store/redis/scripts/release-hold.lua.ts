import { LIB } from './lib.lua';

/** KEYS[1] property base; ARGV[1] holdId. Returns 1 when a hold was released, else 0. */
export const RELEASE_HOLD_LUA =
  LIB +
  `
if release_hold(KEYS[1], ARGV[1]) then return 1 end
return 0
`;
