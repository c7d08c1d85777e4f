import type { Clock } from '../../domain/ports';

export class FakeClock implements Clock {
  constructor(private instant: number) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(iso: string): void {
    this.instant = Date.parse(iso);
  }
  advanceMinutes(minutes: number): void {
    this.instant += minutes * 60_000;
  }
}
