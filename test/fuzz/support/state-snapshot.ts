import type { Storage } from 'botbuilder';
import { MemoryProcessedEvents } from '../../../adapters/payments/event-log/memory-processed-events';
import type { App } from '../../../bot/app';
import { addDays, dateIn, nightsOf } from '../../../domain/calendar/nights';
import { isFree, type Store } from '../../../domain/ports';

/** Everything a request could change, by part, as plain data to compare. */
export type StateSnapshot = Record<string, unknown>;

/** Nights of every unit read around "now": a month back (lapsed holds) and two years ahead (any stay the catalogue sells). */
const NIGHTS_BACK = 31;
const NIGHTS_AHEAD = 731;

/**
 * Reads the app's state: per property the bookings, the event log, every unit's nights and the
 * promotion usage, compared by content; and for the guests, the bot state, the web chat
 * conversations and the Stripe event ids, which grow with every accepted input and have no
 * "list everything", how many writes they have had (a refused request must write none of them;
 * counting keeps a 10,000-input run linear).
 */
export class StateProbe {
  private readonly writes = { guests: 0, 'bot state': 0, 'web chat conversations': 0, 'stripe events': 0 };
  private readonly restore: (() => void)[] = [];
  private readonly readNights: Store['readUnitNights'];
  /** The most nights one store read asked for since the last `resetWork()`. */
  largestNightsRead = 0;

  constructor(private readonly app: App) {
    const store = app.deps.store;
    this.readNights = store.readUnitNights.bind(store);
    // Work is counted, not timed: a count does not depend on how busy the machine is.
    this.wrap(store, 'readUnitNights', ([, , nights]) => {
      this.largestNightsRead = Math.max(this.largestNightsRead, nights.length);
    });
    const count = (part: keyof StateProbe['writes']) => () => void this.writes[part]++;
    this.wrap(store, 'saveGuest', count('guests'));
    const storage: Storage = app.bot.storage;
    this.wrap(storage, 'write', count('bot state'));
    this.wrap(storage, 'delete', count('bot state'));
    const log = app.webchat.log;
    this.wrap(log, 'create', count('web chat conversations'));
    this.wrap(log, 'append', count('web chat conversations'));
    // The Stripe route keeps its event log to itself: watch the class it is built from.
    const events = MemoryProcessedEvents.prototype;
    const { claim, done, release } = events;
    const written = count('stripe events');
    events.claim = async function (this: MemoryProcessedEvents, id: string) {
      const won = await claim.call(this, id);
      if (won) written();
      return won;
    };
    events.done = async function (this: MemoryProcessedEvents, id: string) {
      written();
      await done.call(this, id);
    };
    events.release = async function (this: MemoryProcessedEvents, id: string) {
      written();
      await release.call(this, id);
    };
    this.restore.push(() => Object.assign(events, { claim, done, release }));
  }

  async snapshot(): Promise<StateSnapshot> {
    const { store, catalog, clock } = this.app.deps;
    const now = clock.now();
    const nights = this.nightsAround(dateIn('UTC', now));
    const snapshot: StateSnapshot = {};
    for (const property of catalog.list()) {
      const promotions = property.pricing.promotions.map((p) => p.id);
      const [bookings, events, unitNights, promoUsage] = await Promise.all([
        store.listBookings(property.id),
        store.readEvents(property.id),
        this.readNights(property.id, property.units.map((u) => u.id), nights, now.getTime()),
        promotions.length ? store.promoUsage(property.id, promotions) : Promise.resolve({}),
      ]);
      snapshot[`${property.id}: bookings`] = sortedBy(bookings, (b) => b.id);
      snapshot[`${property.id}: events`] = events;
      // Only the nights something holds: free ones are the same in every snapshot.
      snapshot[`${property.id}: unit nights`] = Object.entries(unitNights).map(([unitId, states]) => [unitId, nights.flatMap((night, i) => (states[i] && !isFree(states[i]) ? [[night, states[i]]] : []))]);
      snapshot[`${property.id}: promotion usage`] = promoUsage;
    }
    for (const [part, n] of Object.entries(this.writes)) snapshot[`${part} (writes)`] = n;
    return snapshot;
  }

  private nightsCache: { today: string; nights: string[] } | null = null;
  private nightsAround(today: string): string[] {
    if (this.nightsCache?.today !== today) this.nightsCache = { today, nights: nightsOf({ checkIn: addDays(today, -NIGHTS_BACK), checkOut: addDays(today, NIGHTS_AHEAD) }) };
    return this.nightsCache.nights;
  }

  /** The parts that differ between two snapshots, by name. */
  static changed(before: StateSnapshot, after: StateSnapshot): string[] {
    const names = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...names].filter((n) => JSON.stringify(before[n]) !== JSON.stringify(after[n]));
  }

  resetWork(): void {
    this.largestNightsRead = 0;
  }

  dispose(): void {
    for (const undo of this.restore.splice(0)) undo();
  }

  /** Calls `note` with the arguments of every call of `target[method]`, before the call runs. */
  private wrap<T extends object, K extends keyof T>(target: T, method: K, note: (args: ArgsOf<T[K]>) => void): void {
    const original = target[method];
    if (typeof original !== 'function') throw new Error(`no method ${String(method)} to watch`);
    const wrapped = function (this: unknown, ...args: unknown[]) {
      note(args as ArgsOf<T[K]>);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    target[method] = wrapped as T[K];
    this.restore.push(() => {
      target[method] = original;
    });
  }
}

type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;

function sortedBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
