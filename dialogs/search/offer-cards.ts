import { type Attachment, type CardAction, CardFactory } from 'botbuilder';
import { cancellationTerms } from '../../domain/bookings/cancellation';
import { ratePlanOf } from '../../domain/catalog/catalog';
import { localize, type Locale } from '../../domain/catalog/locales';
import type { Property, RatePlan } from '../../domain/catalog/schema';
import { stayLength } from '../../domain/calendar/nights';
import type { Quote } from '../../domain/pricing/quote-types';
import type { Offer } from '../../domain/usecases/search-stay';
import { t } from '../messages/catalog';
import { formatInstant, formatMoney } from '../messages/format';
import { button } from '../turn';
import type { ShownOffer } from './choice';

/** "free cancellation until 3 Mar, 16:00" / "non-refundable", in the property's time zone. */
export function termsText(property: Property, plan: RatePlan, checkIn: string, locale: Locale): string {
  const terms = cancellationTerms(plan.cancellation, checkIn, property.checkInTime, property.timeZone);
  if (!terms.freeUntil) return t(locale, 'nonRefundable');
  const date = formatInstant(terms.freeUntil, property.timeZone, locale);
  return terms.retainedPercentAfter >= 100
    ? t(locale, 'freeCancellationUntil', { date })
    : t(locale, 'partialCancellation', { date, percent: terms.retainedPercentAfter });
}

function planTerms(property: Property, quote: Quote, locale: Locale): string {
  const plan = ratePlanOf(property, quote.ratePlanId);
  if (!plan) return '';
  const parts = [termsText(property, plan, quote.stay.checkIn, locale)];
  if (plan.breakfastIncluded) parts.unshift(t(locale, 'breakfastIncluded'));
  return parts.join(', ');
}

export function planName(property: Property, ratePlanId: string, locale: Locale): string {
  const plan = ratePlanOf(property, ratePlanId);
  return plan ? localize(plan.name, locale) : ratePlanId;
}

/** A hero card per unit type: photo, price per night and total, and a button per rate plan. */
export function offerCards(property: Property, offers: Offer[], locale: Locale): { cards: Attachment[]; shown: ShownOffer[] } {
  const shown: ShownOffer[] = [];
  const cards = offers.map((offer) => {
    const cheapest = offer.quotes[0];
    const nights = cheapest ? stayLength(cheapest.stay) : 1;
    const money = (minor: number) => formatMoney(minor, property.currency, locale);
    const buttons: CardAction[] = offer.quotes.map((q) => {
      shown.push({
        unitTypeId: q.unitTypeId,
        ratePlanId: q.ratePlanId,
        total: q.total,
        planNames: Object.values(ratePlanOf(property, q.ratePlanId)?.name ?? {}).filter((n): n is string => !!n),
        typeNames: Object.values(offer.unitType.name).filter((n): n is string => !!n),
      });
      return button(t(locale, 'planButton', { plan: planName(property, q.ratePlanId, locale), total: money(q.total) }), {
        kind: 'choose',
        unitTypeId: q.unitTypeId,
        ratePlanId: q.ratePlanId,
      });
    });
    const lines = offer.quotes.map((q) =>
      t(locale, 'planLine', { plan: planName(property, q.ratePlanId, locale), total: money(q.total), terms: planTerms(property, q, locale) }),
    );
    const photo = offer.unitType.photos[0];
    return CardFactory.heroCard(
      localize(offer.unitType.name, locale),
      photo ? [photo] : [],
      buttons,
      {
        subtitle: cheapest ? t(locale, 'offerSubtitle', { perNight: money(Math.round(cheapest.roomTotal / nights)), total: money(cheapest.total) }) : '',
        text: `${localize(offer.unitType.description, locale)}\n\n${lines.join('\n')}`,
      },
    );
  });
  return { cards, shown };
}

/** The same offers as a numbered list, for channels and guests that answer by number. */
export function numberedList(property: Property, shown: ShownOffer[], locale: Locale): string {
  return shown
    .map((o, i) => {
      const type = property.unitTypes.find((u) => u.id === o.unitTypeId);
      return `${i + 1}. ${type ? localize(type.name, locale) : o.unitTypeId} – ${planName(property, o.ratePlanId, locale)} – ${formatMoney(o.total, property.currency, locale)}`;
    })
    .join('\n');
}
