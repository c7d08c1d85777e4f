/**
 * What an imported event says it is. Platforms do not agree on a field for this, so the
 * summary is the only hint: Airbnb writes "Reserved" or "Airbnb (Not available)",
 * Booking.com "CLOSED - Not available" for everything, Vrbo "Reserved - <guest>". Only the
 * kind is kept; the summary itself may carry a guest's name and is never stored or logged.
 */
export type EventKind = 'reservation' | 'closure' | 'unknown';

const CLOSURE = /not available|unavailable|closed|blocked|indisponible|bloqu|ferm[ée]|no disponible|owner|propri[ée]taire/i;
const RESERVATION = /r[ée]serv|booked|booking|guest|confirmed|check-?in/i;

export function eventKindOf(summary: string | undefined): EventKind {
  if (!summary) return 'unknown';
  if (CLOSURE.test(summary)) return 'closure';
  if (RESERVATION.test(summary)) return 'reservation';
  return 'unknown';
}
