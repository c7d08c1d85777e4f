import type { BookingTimerKind, BookingTimers, Clock } from '../../domain/ports';
import type { DueTimer, TimerHandler, TimerLog } from './timer-handler';

interface Entry extends DueTimer {
  at: number;
}

/** A failing check (the store briefly down) is tried again after this long. */
const RETRY_MS = 60_000;

/**
 * Booking timers in this process, for the memory store. They live no longer than the process:
 * the composition root schedules them again from the store at boot. Deadlines are read from the
 * injected clock, and the process timer never waits more than `maxWaitMs` before looking
 * again, so a clock that jumps (or a test's fake clock, with `runDue`) is followed.
 */
export class MemoryBookingTimers implements BookingTimers {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> = Promise.resolve(0);
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly handler: TimerHandler,
    private readonly log: TimerLog,
    private readonly maxWaitMs = 60_000,
  ) {}

  async schedule(kind: BookingTimerKind, propertyId: string, bookingId: string, at: Date): Promise<void> {
    if (this.closed) return;
    const key = `${kind}\u0000${propertyId}\u0000${bookingId}`;
    const existing = this.entries.get(key);
    // The earliest wins: a check that fires early just comes back at its booking's real deadline.
    if (!existing || at.getTime() < existing.at) this.entries.set(key, { kind, propertyId, bookingId, at: at.getTime() });
    this.arm();
  }

  /** The timers waiting, earliest first. */
  pending(): (DueTimer & { at: Date })[] {
    return [...this.entries.values()].sort((a, b) => a.at - b.at).map((e) => ({ kind: e.kind, propertyId: e.propertyId, bookingId: e.bookingId, at: new Date(e.at) }));
  }

  /** Runs every timer whose instant has come by the clock, one pass at a time; returns how many ran. */
  runDue(): Promise<number> {
    const pass = this.running.then(() => this.pass());
    this.running = pass.catch(() => 0);
    return pass;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock.now().getTime();
    const due = [...this.entries.entries()].filter(([, e]) => e.at <= now).sort(([, a], [, b]) => a.at - b.at);
    for (const [key] of due) this.entries.delete(key);
    for (const [, entry] of due) {
      if (this.closed) break;
      const { kind, propertyId, bookingId } = entry;
      try {
        const again = await this.handler({ kind, propertyId, bookingId });
        if (again) await this.schedule(kind, propertyId, bookingId, again);
      } catch (error) {
        this.log.error({ err: error, kind, propertyId, bookingId }, 'booking timer failed, retried later');
        await this.schedule(kind, propertyId, bookingId, new Date(this.clock.now().getTime() + RETRY_MS));
      }
    }
    this.arm();
    return due.length;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.entries.size === 0) return;
    const earliest = Math.min(...[...this.entries.values()].map((e) => e.at));
    const delay = Math.min(Math.max(0, earliest - this.clock.now().getTime()), this.maxWaitMs);
    this.timer = setTimeout(() => {
      this.runDue().catch((error: unknown) => this.log.error({ err: error }, 'booking timers pass failed'));
    }, delay);
    // Pending deadlines must not keep a finished process alive; they come back from the store.
    this.timer.unref();
  }
}
