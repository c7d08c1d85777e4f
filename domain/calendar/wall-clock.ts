import type { Night } from './nights';

/** A local date and time `YYYY-MM-DDTHH:MM`; compares correctly as a string. */
export type WallTime = string;

/**
 * One formatter per zone, shared by imports and policy deadlines (`zoned.ts`): building an
 * Intl.DateTimeFormat costs far more than using one, and a big feed converts thousands of
 * instants.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The wall clock in `timeZone` at `epochMs`, independent of the process time zone. */
export function wallTimeAt(timeZone: string, epochMs: number): WallTime {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
    }
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

export function nightOf(wall: WallTime): Night {
  return wall.slice(0, 10);
}
