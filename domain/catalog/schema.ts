import { z } from 'zod';
import { isNight, isValidTimeZone } from '../calendar/nights';
import { LOCALES } from './locales';

const msg = (error: string) => ({ error });

const id = z
  .string(msg('expected an id'))
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, msg('expected an id of lowercase letters, digits and dashes'));
const positiveInt = z.number(msg('expected a positive integer')).int(msg('expected a positive integer')).positive(msg('expected a positive integer'));
const nonNegativeInt = z.number(msg('expected a non-negative integer')).int(msg('expected a non-negative integer')).min(0, msg('expected a non-negative integer'));
/** Money is integer minor units (cents) in the property's currency. */
const minorUnits = nonNegativeInt;
const percent = z.number(msg('expected a percentage')).min(-100, msg('expected a percentage of at least -100')).max(1000, msg('expected a percentage of at most 1000'));
const clockTime = z.string(msg('expected a time HH:MM')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('expected a time HH:MM'));
const night = z.string(msg('expected a date YYYY-MM-DD')).refine(isNight, msg('expected a date YYYY-MM-DD'));
const monthDay = z
  .string(msg('expected a month and day MM-DD'))
  .refine((v) => /^\d{2}-\d{2}$/.test(v) && isNight(`2024-${v}`), msg('expected a month and day MM-DD'));
const url = z.url(msg('expected a URL'));
const nonEmpty = z.string(msg('expected text')).trim().min(1, msg('expected text'));

export const localizedTextSchema = z
  .object(Object.fromEntries(LOCALES.map((l) => [l, nonEmpty.optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<typeof nonEmpty>>)
  .strict()
  .refine((t) => Object.values(t).some((v) => v !== undefined), msg('expected text in at least one of en, fr, es, pt'));

const bedSchema = z
  .object({
    kind: z.enum(['single', 'double', 'queen', 'king', 'twin', 'sofa', 'bunk', 'cot'], msg('expected one of single, double, queen, king, twin, sofa, bunk, cot')),
    count: positiveInt,
  })
  .strict();

export const unitTypeSchema = z
  .object({
    id,
    name: localizedTextSchema,
    description: localizedTextSchema,
    capacity: z
      .object({ adults: positiveInt, children: nonNegativeInt, total: positiveInt.optional() })
      .strict(),
    beds: z.array(bedSchema).min(1, msg('expected at least one bed')),
    amenities: z.array(nonEmpty).default([]),
    photos: z.array(url).default([]),
    /** Nightly price before seasons, day of week and yield, in minor units. */
    baseRate: positiveInt,
    sizeM2: positiveInt.optional(),
  })
  .strict();

export const externalFeedSchema = z
  .object({ id, url, label: nonEmpty, refreshMinutes: positiveInt.optional() })
  .strict();

export const unitSchema = z
  .object({
    id,
    typeId: id,
    name: nonEmpty,
    feeds: z.array(externalFeedSchema).default([]),
  })
  .strict();

export const cancellationPolicySchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('flexible'),
        /** Free until this many days before arrival, at the property's check-in time. */
        freeUntilDaysBefore: nonNegativeInt,
        /** Share of the total kept after that. */
        retainedPercentAfter: z.number(msg('expected a percentage')).min(0, msg('expected a percentage from 0 to 100')).max(100, msg('expected a percentage from 0 to 100')),
      })
      .strict(),
    z.object({ kind: z.literal('non_refundable') }).strict(),
  ],
  msg('expected a cancellation policy of kind flexible or non_refundable'),
);

export const ratePlanSchema = z
  .object({
    id,
    name: localizedTextSchema,
    description: localizedTextSchema.optional(),
    /** Percentage on the room price: -10 for a non-refundable discount. */
    adjustPercent: percent.default(0),
    breakfastIncluded: z.boolean(msg('expected true or false')).default(false),
    /** Added per adult per night when breakfast is included. */
    breakfastPerAdult: minorUnits.default(0),
    cancellation: cancellationPolicySchema,
    /** Unit types the plan is sold for; all when absent. */
    unitTypeIds: z.array(id).optional(),
  })
  .strict();

export const seasonSchema = z
  .object({
    id,
    name: localizedTextSchema.optional(),
    /** Inclusive, repeating every year; `from` after `to` wraps over the new year. */
    from: monthDay,
    to: monthDay,
    adjustPercent: percent.default(0),
    /** Absolute nightly rates for some unit types in this season, replacing the base rate. */
    rates: z.record(id, positiveInt).default({}),
    minStay: positiveInt.optional(),
  })
  .strict();

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const WEEKDAYS = weekdays;

export const yieldRulesSchema = z
  .object({
    /** Applied when the property's occupancy of a night is at least `minOccupancyPercent`; the highest step that matches wins. */
    occupancy: z
      .array(z.object({ minOccupancyPercent: z.number().min(0, msg('expected 0 to 100')).max(100, msg('expected 0 to 100')), adjustPercent: percent }).strict())
      .default([]),
    /** Last minute: arrival within `maxDaysBefore` days. */
    lastMinute: z.object({ maxDaysBefore: nonNegativeInt, adjustPercent: percent }).strict().optional(),
    /** Early bird: arrival at least `minDaysBefore` days ahead. */
    earlyBird: z.object({ minDaysBefore: positiveInt, adjustPercent: percent }).strict().optional(),
  })
  .strict();

export const promotionSchema = z
  .object({
    id,
    name: localizedTextSchema,
    adjustPercent: percent,
    /** Nights that may be sold at this price; the promotion stops when they are sold. */
    quotaNights: positiveInt,
    stayFrom: night.optional(),
    stayTo: night.optional(),
    unitTypeIds: z.array(id).optional(),
    ratePlanIds: z.array(id).optional(),
    directOnly: z.boolean().default(true),
  })
  .strict();

export const pricingSchema = z
  .object({
    seasons: z.array(seasonSchema).default([]),
    dayOfWeek: z.partialRecord(z.enum(weekdays, msg('expected a weekday sun..sat')), percent).default({}),
    minStay: positiveInt.default(1),
    closedToArrival: z.array(night).default([]),
    /** Percentage for bookings made on our own channels, against OTA parity. */
    directAdjustPercent: percent.default(0),
    yield: yieldRulesSchema.default({ occupancy: [] }),
    promotions: z.array(promotionSchema).default([]),
  })
  .strict();

export const faqSchema = z
  .object({
    id,
    question: localizedTextSchema,
    answer: localizedTextSchema,
    keywords: z.partialRecord(z.enum(LOCALES), z.array(nonEmpty)).default({}),
  })
  .strict();

export const conciergeServiceSchema = z
  .object({
    id,
    name: localizedTextSchema,
    description: localizedTextSchema.optional(),
    /** null means free. */
    price: minorUnits.nullable(),
    per: z.enum(['item', 'person', 'night', 'stay'], msg('expected one of item, person, night, stay')).default('item'),
    needsSlot: z.boolean().default(false),
  })
  .strict();

export const propertySchema = z
  .object({
    id,
    name: localizedTextSchema,
    description: localizedTextSchema,
    timeZone: z.string(msg('expected an IANA time zone')).refine(isValidTimeZone, msg('expected an IANA time zone such as Europe/Paris')),
    currency: z.string(msg('expected an ISO 4217 currency code')).regex(/^[A-Z]{3}$/, msg('expected an ISO 4217 currency code such as EUR')),
    defaultLocale: z.enum(LOCALES, msg('expected one of en, fr, es, pt')).default('en'),
    checkInTime: clockTime,
    checkOutTime: clockTime,
    address: z
      .object({
        line1: nonEmpty,
        line2: nonEmpty.optional(),
        postalCode: nonEmpty,
        city: nonEmpty,
        region: nonEmpty.optional(),
        country: z.string().regex(/^[A-Z]{2}$/, msg('expected an ISO 3166 country code such as FR')),
      })
      .strict(),
    contact: z
      .object({
        email: z.email(msg('expected an email address')),
        phone: z.string().regex(/^\+[1-9]\d{6,14}$/, msg('expected a phone number in E.164 form such as +33612345678')),
        website: url.optional(),
      })
      .strict(),
    bookingMode: z.enum(['instant', 'request'], msg('expected instant or request')),
    depositPercent: z.number(msg('expected a percentage')).min(0, msg('expected a percentage from 0 to 100')).max(100, msg('expected a percentage from 0 to 100')),
    touristTax: z.object({ perAdultPerNight: minorUnits }).strict(),
    holdMinutes: positiveInt.default(20),
    unitTypes: z.array(unitTypeSchema).min(1, msg('expected at least one unit type')),
    units: z.array(unitSchema).min(1, msg('expected at least one unit')),
    ratePlans: z.array(ratePlanSchema).min(1, msg('expected at least one rate plan')),
    pricing: pricingSchema,
    faq: z.array(faqSchema).default([]),
    reviewLinks: z.array(z.object({ label: nonEmpty, url }).strict()).default([]),
    concierge: z.array(conciergeServiceSchema).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const duplicates = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id "${v}"` });
        seen.add(v);
      });
    };
    duplicates(p.unitTypes.map((t) => t.id), 'unitTypes');
    duplicates(p.units.map((u) => u.id), 'units');
    duplicates(p.ratePlans.map((r) => r.id), 'ratePlans');
    duplicates(p.pricing.promotions.map((r) => r.id), 'pricing.promotions');

    const typeIds = new Set(p.unitTypes.map((t) => t.id));
    const planIds = new Set(p.ratePlans.map((r) => r.id));
    const unknownType = (tid: string, path: (string | number)[]) => {
      if (!typeIds.has(tid)) ctx.addIssue({ code: 'custom', path, message: `unknown unit type "${tid}"` });
    };
    p.units.forEach((u, i) => unknownType(u.typeId, ['units', i, 'typeId']));
    p.unitTypes.forEach((t, i) => {
      if (!p.units.some((u) => u.typeId === t.id)) ctx.addIssue({ code: 'custom', path: ['unitTypes', i, 'id'], message: `no unit of type "${t.id}"` });
    });
    p.ratePlans.forEach((r, i) => r.unitTypeIds?.forEach((tid, j) => unknownType(tid, ['ratePlans', i, 'unitTypeIds', j])));
    p.pricing.seasons.forEach((s, i) => Object.keys(s.rates).forEach((tid) => unknownType(tid, ['pricing', 'seasons', i, 'rates', tid])));
    p.pricing.promotions.forEach((promo, i) => {
      promo.unitTypeIds?.forEach((tid, j) => unknownType(tid, ['pricing', 'promotions', i, 'unitTypeIds', j]));
      promo.ratePlanIds?.forEach((rid, j) => {
        if (!planIds.has(rid)) ctx.addIssue({ code: 'custom', path: ['pricing', 'promotions', i, 'ratePlanIds', j], message: `unknown rate plan "${rid}"` });
      });
      if (promo.stayFrom && promo.stayTo && promo.stayFrom > promo.stayTo) {
        ctx.addIssue({ code: 'custom', path: ['pricing', 'promotions', i, 'stayTo'], message: 'expected a date on or after stayFrom' });
      }
    });
    const feedIds = new Set<string>();
    p.units.forEach((u, i) =>
      u.feeds.forEach((f, j) => {
        if (feedIds.has(f.id)) ctx.addIssue({ code: 'custom', path: ['units', i, 'feeds', j, 'id'], message: `duplicate feed id "${f.id}"` });
        feedIds.add(f.id);
      }),
    );
  });

export type PropertyInput = z.input<typeof propertySchema>;
export type Property = z.output<typeof propertySchema>;
export type UnitType = Property['unitTypes'][number];
export type Unit = Property['units'][number];
export type RatePlan = Property['ratePlans'][number];
export type CancellationPolicy = RatePlan['cancellation'];
export type Season = Property['pricing']['seasons'][number];
export type Promotion = Property['pricing']['promotions'][number];
export type ConciergeService = Property['concierge'][number];
