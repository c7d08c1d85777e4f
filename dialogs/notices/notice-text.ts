import { ratePlanOf } from '../../domain/catalog/catalog';
import { localize, type Locale } from '../../domain/catalog/locales';
import type { Property } from '../../domain/catalog/schema';
import { stayLength } from '../../domain/calendar/nights';
import type { GuestNotice } from '../../domain/ports';
import { t } from '../messages/catalog';
import { formatInstant, formatMoney, formatStay } from '../messages/format';
import { termsText } from '../search/offer-cards';

/** The sentence a notice becomes in the guest's language; the booking's own figures, never recomputed prices. */
export function noticeText(notice: GuestNotice, property: Property, locale: Locale): string {
  const { booking } = notice;
  const money = (minor: number): string => formatMoney(minor, property.currency, locale);
  const reference = booking.reference;
  switch (notice.kind) {
    case 'booking_confirmed': {
      const type = property.unitTypes.find((u) => u.id === booking.unitTypeId);
      const plan = ratePlanOf(property, booking.ratePlanId);
      const balance = Math.max(0, booking.quote.total - booking.amountPaid);
      return t(locale, 'noticeConfirmed', {
        reference,
        room: type ? localize(type.name, locale) : booking.unitTypeId,
        stay: formatStay(booking.stay, stayLength(booking.stay), locale),
        paid: money(booking.amountPaid),
        balance: balance > 0 ? money(balance) : '',
        terms: plan ? termsText(property, plan, booking.stay.checkIn, locale) : '',
        calendarUrl: notice.calendarUrl,
      });
    }
    case 'refund_issued':
      return t(locale, 'noticeRefund', { reference, amount: money(notice.amount) });
    case 'late_payment_refunded':
      return t(locale, 'noticeLatePayment', { reference, amount: money(notice.amount) });
    case 'hold_expired':
      return t(locale, 'noticeHoldExpired', { reference });
    case 'request_approved':
      return t(locale, 'noticeRequestApproved', {
        reference,
        url: notice.checkout.url,
        until: formatInstant(new Date(notice.checkout.expiresAt), property.timeZone, locale),
      });
    case 'request_declined':
      return t(locale, 'noticeRequestDeclined', { reference });
    case 'request_lapsed':
      return t(locale, 'noticeRequestLapsed', { reference });
  }
}
