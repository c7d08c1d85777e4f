import type { Booking } from '../../domain/bookings/booking';
import { unitTypeOf } from '../../domain/catalog/catalog';
import { localize } from '../../domain/catalog/locales';
import { stayLength } from '../../domain/calendar/nights';
import { formatMoney, formatParty, formatStay } from '../messages/format';
import { msg, type Turn } from '../turn';

/** One line on a booking: reference, room, stay, party, total and where it stands. */
export function bookingDetails(turn: Turn, booking: Booking): string {
  const locale = turn.profile.locale;
  const type = unitTypeOf(turn.property, booking.unitTypeId);
  return msg(turn, 'bookingDetails', {
    reference: booking.reference,
    room: type ? localize(type.name, locale) : booking.unitTypeId,
    stay: formatStay(booking.stay, stayLength(booking.stay), locale),
    party: formatParty(booking.party, locale),
    total: formatMoney(booking.quote.total, turn.property.currency, locale),
    state: msg(turn, `state_${booking.state}`),
  });
}
