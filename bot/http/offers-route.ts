import type { Request, Response } from 'restify';
import { z } from 'zod';
import { daysBetween, isNight } from '../../domain/calendar/nights';
import { localize, isLocale } from '../../domain/catalog/locales';
import { formatIssues } from '../../domain/catalog/parse';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import { searchStay, type SearchResult } from '../../domain/usecases/search-stay';
import { sendProblem } from './problem';

/**
 * The longest stay this API prices. Searching reads every night of the stay for every unit
 * before the rate plans' own limits apply, so without a cap one request for year 9999 held the
 * server for half a minute.
 */
export const MAX_OFFER_NIGHTS = 366;

const night = z.string({ error: 'expected a date YYYY-MM-DD' }).refine(isNight, { error: 'expected a date YYYY-MM-DD' });
const count = (min: number) => z.coerce.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(min, { error: `expected at least ${min}` }).max(20, { error: 'expected at most 20' });

const querySchema = z
  .object({
    checkIn: night,
    checkOut: night,
    adults: count(1),
    children: count(0).default(0),
    locale: z.string().refine(isLocale, { error: 'expected one of en, fr, es, pt' }).optional(),
  })
  .refine((q) => q.checkOut > q.checkIn, { error: 'expected a departure after the arrival', path: ['checkOut'] })
  .refine((q) => !(isNight(q.checkIn) && isNight(q.checkOut)) || daysBetween(q.checkIn, q.checkOut) <= MAX_OFFER_NIGHTS, {
    error: `expected a stay of at most ${MAX_OFFER_NIGHTS} nights`,
    path: ['checkOut'],
  });

/** Public, read-only availability for a property's own website or a partner: prices, no personal data. */
export function offersRoute(deps: UseCaseDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const propertyId = String(req.params.propertyId ?? '');
    const query = querySchema.safeParse(req.query ?? {});
    if (!query.success) return sendProblem(res, 400, 'invalid_query', formatIssues(query.error.issues));
    const { checkIn, checkOut, adults, children } = query.data;
    const result = await searchStay(deps, { propertyId, stay: { checkIn, checkOut }, party: { adults, children }, channel: 'direct' });
    if (!result.ok) {
      if (result.code === 'unknown_property') return sendProblem(res, 404, 'unknown_property', [`no property "${propertyId}"`]);
      return sendProblem(res, 400, result.code, ['the stay is not valid']);
    }
    const locale = query.data.locale && isLocale(query.data.locale) ? query.data.locale : result.value.property.defaultLocale;
    res.send(200, present(result.value, locale));
  };
}

function present(result: SearchResult, locale: Parameters<typeof localize>[1]) {
  return {
    propertyId: result.property.id,
    currency: result.property.currency,
    offers: result.offers.map((o) => ({
      unitTypeId: o.unitType.id,
      name: localize(o.unitType.name, locale),
      freeUnits: o.freeUnits,
      photos: o.unitType.photos,
      quotes: o.quotes.map((q) => ({
        ratePlanId: q.ratePlanId,
        total: q.total,
        roomTotal: q.roomTotal,
        breakfastTotal: q.breakfastTotal,
        touristTaxTotal: q.touristTaxTotal,
        promotion: q.promotion,
        nights: q.nights.map((n) => ({ night: n.night, room: n.room, total: n.total })),
      })),
    })),
    unavailable: result.unavailable.map((u) =>
      u.reason === 'sold_out' ? { unitTypeId: u.unitTypeId, code: 'sold_out' } : { unitTypeId: u.unitTypeId, code: u.failure.code, detail: u.failure.detail },
    ),
  };
}
