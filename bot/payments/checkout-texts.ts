import type { CheckoutTexts } from '../../adapters/payments/stripe/checkout-texts';
import { t } from '../../dialogs/messages/catalog';
import { formatNight } from '../../dialogs/messages/format';

/** The provider's checkout page speaks from the same catalogue as the chat. */
export const catalogCheckoutTexts: CheckoutTexts = {
  stayLine: (locale, p) => t(locale, 'checkoutStay', { room: p.room, plan: p.plan, nights: p.nights, from: formatNight(p.checkIn, locale, true), to: formatNight(p.checkOut, locale, true) }),
  touristTaxLine: (locale) => t(locale, 'checkoutTouristTax'),
  depositLine: (locale, p) => t(locale, 'checkoutDeposit', p),
  dateChangeLine: (locale, p) => t(locale, 'checkoutDateChange', p),
  referenceNote: (locale, p) => t(locale, 'checkoutReference', p),
};
