import { addDays, daysBetween, type Night } from '../../domain/calendar/nights';
import type { Understanding } from '../understanding/types';

/** The search's slots, filled from whatever each message gives. Plain JSON for dialog state. */
export interface StaySlots {
  checkIn: Night | null;
  checkOut: Night | null;
  nights: number | null;
  adults: number | null;
  children: number | null;
}

export type StaySlot = 'checkIn' | 'checkOut' | 'party';

export const EMPTY_SLOTS: StaySlots = { checkIn: null, checkOut: null, nights: null, adults: null, children: null };

const BARE_NUMBER = /^\s*(\d{1,2})\s*$/;

/**
 * Merges one message into the slots. Anything the message says wins over what was there, so
 * "actually the 14th" or "plutôt 3 adultes" correct a slot at any step. The slot being asked
 * for decides what a bare number or a lone date means.
 */
export function mergeSlots(slots: StaySlots, u: Understanding, asking: StaySlot | null, text: string): StaySlots {
  const next = { ...slots };
  const bare = BARE_NUMBER.exec(text)?.[1];
  const previousLength = slots.checkIn && slots.checkOut ? daysBetween(slots.checkIn, slots.checkOut) : null;

  if (u.stay.checkIn && u.stay.checkOut) {
    next.checkIn = u.stay.checkIn;
    next.checkOut = u.stay.checkOut;
    next.nights = daysBetween(u.stay.checkIn, u.stay.checkOut);
  } else if (u.stay.checkIn) {
    if (asking === 'checkOut' && slots.checkIn && u.stay.checkIn > slots.checkIn && u.nights === null) {
      // Asked when they leave, a lone date is the departure.
      next.checkOut = u.stay.checkIn;
      next.nights = daysBetween(slots.checkIn, u.stay.checkIn);
    } else {
      next.checkIn = u.stay.checkIn;
      // A moved arrival keeps the length of stay the guest already gave.
      const length = u.nights ?? slots.nights ?? previousLength;
      next.checkOut = length ? addDays(u.stay.checkIn, length) : null;
      next.nights = length;
    }
  } else if (u.nights !== null) {
    next.nights = u.nights;
    if (next.checkIn) next.checkOut = addDays(next.checkIn, u.nights);
  } else if (bare !== undefined && asking === 'checkOut' && next.checkIn) {
    const n = Number(bare);
    if (n > 0) {
      next.nights = n;
      next.checkOut = addDays(next.checkIn, n);
    }
  }

  if (u.party.adults !== null) {
    next.adults = u.party.adults;
    next.children = u.party.children ?? (asking === 'party' ? 0 : slots.children);
  } else if (u.party.children !== null) {
    next.children = u.party.children;
  } else if (bare !== undefined && asking === 'party' && Number(bare) > 0) {
    next.adults = Number(bare);
    next.children = 0;
  }
  return next;
}

/** The first slot still missing, in the order a receptionist would ask. */
export function missingSlot(slots: StaySlots): StaySlot | null {
  if (!slots.checkIn) return 'checkIn';
  if (!slots.checkOut) return 'checkOut';
  if (!slots.adults) return 'party';
  return null;
}

export function slotsFrom(u: Understanding): StaySlots {
  return mergeSlots(EMPTY_SLOTS, u, null, '');
}

/** True when the message says something about the stay or the party: a correction mid-flow. */
export function mentionsStay(u: Understanding): boolean {
  return u.stay.checkIn !== null || u.nights !== null || u.party.adults !== null || u.party.children !== null;
}
