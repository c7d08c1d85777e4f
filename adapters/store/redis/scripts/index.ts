import type { Cluster, Redis } from 'ioredis';
import { CONFIRM_HOLD_LUA } from './confirm-hold.lua';
import { CREATE_BOOKING_LUA } from './create-booking.lua';
import { FIND_GUEST_BY_IDENTITY_LUA, SAVE_GUEST_LUA } from './guests.lua';
import { HOLD_LUA } from './hold.lua';
import { MOVE_BOOKING_LUA } from './move-booking.lua';
import { READ_UNIT_NIGHTS_LUA } from './read-unit-nights.lua';
import { FIND_BOOKING_BY_REFERENCE_LUA, LIST_BOOKINGS_LUA } from './read-bookings.lua';
import { RELEASE_BOOKING_LUA } from './release-booking.lua';
import { RELEASE_HOLD_LUA } from './release-hold.lua';
import { REPLACE_FEED_BLOCKS_LUA } from './replace-feed-blocks.lua';
import { SWEEP_EXPIRED_HOLDS_LUA } from './sweep-expired-holds.lua';
import { TRIVIAL_LUA } from './trivial.lua';
import { UPDATE_BOOKING_LUA } from './update-booking.lua';

/** A script takes its declared keys (the property base first, then keys under it), then its ARGV. */
export type ScriptCall = (base: string, ...keysThenArgv: string[]) => Promise<unknown>;

/** `readOnly` scripts run with `flags=no-writes`: Redis refuses a write from them, and may serve them from replicas. */
const SCRIPTS = {
  hold: { lua: HOLD_LUA, readOnly: false, keys: 1 },
  confirmHold: { lua: CONFIRM_HOLD_LUA, readOnly: false, keys: 1 },
  moveBooking: { lua: MOVE_BOOKING_LUA, readOnly: false, keys: 1 },
  releaseHold: { lua: RELEASE_HOLD_LUA, readOnly: false, keys: 1 },
  releaseBooking: { lua: RELEASE_BOOKING_LUA, readOnly: false, keys: 1 },
  sweepExpiredHolds: { lua: SWEEP_EXPIRED_HOLDS_LUA, readOnly: false, keys: 1 },
  readUnitNights: { lua: READ_UNIT_NIGHTS_LUA, readOnly: true, keys: 1 },
  replaceFeedBlocks: { lua: REPLACE_FEED_BLOCKS_LUA, readOnly: false, keys: 1 },
  createBooking: { lua: CREATE_BOOKING_LUA, readOnly: false, keys: 1 },
  updateBooking: { lua: UPDATE_BOOKING_LUA, readOnly: false, keys: 1 },
  listBookings: { lua: LIST_BOOKINGS_LUA, readOnly: true, keys: 1 },
  findBookingByReference: { lua: FIND_BOOKING_BY_REFERENCE_LUA, readOnly: true, keys: 1 },
  saveGuest: { lua: SAVE_GUEST_LUA, readOnly: false, keys: 1 },
  findGuestByIdentity: { lua: FIND_GUEST_BY_IDENTITY_LUA, readOnly: true, keys: 1 },
  trivial: { lua: TRIVIAL_LUA, readOnly: true, keys: 1 },
} as const;

/**
 * The shebang (Redis >= 7) opts the script out of the legacy leniency: in Cluster mode Redis
 * then refuses any key outside the slot of the declared key, so a script that strayed from
 * its property's `{p:<id>}` would fail loudly instead of silently losing atomicity.
 */
export function withShebang(lua: string, readOnly: boolean): string {
  return `${readOnly ? '#!lua flags=no-writes' : '#!lua'}\n${lua}`;
}

export type ScriptName = keyof typeof SCRIPTS;
export type StoreScripts = Record<ScriptName, ScriptCall>;

/**
 * Registers the scripts with ioredis' defineCommand (EVALSHA, falling back to EVAL once per
 * connection on NOSCRIPT) and returns them as typed functions. Command names are namespaced
 * so they cannot shadow a Redis command.
 */
export function defineScripts(redis: Redis | Cluster): StoreScripts {
  const out: Partial<StoreScripts> = {};
  for (const name of Object.keys(SCRIPTS) as ScriptName[]) {
    const command = `majordome_${name}`;
    const { lua, readOnly, keys } = SCRIPTS[name];
    redis.defineCommand(command, { lua: withShebang(lua, readOnly), numberOfKeys: keys, readOnly });
    const fn: unknown = Reflect.get(redis, command);
    if (typeof fn !== 'function') throw new Error(`ioredis did not define ${command}`);
    out[name] = fn.bind(redis) as ScriptCall;
  }
  return out as StoreScripts;
}
