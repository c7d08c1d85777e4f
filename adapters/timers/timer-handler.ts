import type { BookingTimerKind } from '../../domain/ports';

export interface DueTimer {
  kind: BookingTimerKind;
  propertyId: string;
  bookingId: string;
}

/**
 * Runs a due timer. Returns a later instant when it fired too early (its booking's deadline
 * moved, or clocks disagree) so the timer comes back then, or null when it is done.
 */
export type TimerHandler = (timer: DueTimer) => Promise<Date | null>;

/** Ids only: a timer never carries anything about the guest. */
export interface TimerLog {
  info(data: Record<string, unknown>, message: string): void;
  error(data: Record<string, unknown>, message: string): void;
}
