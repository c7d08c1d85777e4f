import { z } from 'zod';
import { ALL_DAY_END_MODES } from '../calendar/event-nights';
import { isNight, isValidTimeZone } from '../calendar/nights';
import { LOCALES } from './locales';
import { referenceIssues } from './references';

type RawIssue = z.core.$ZodRawIssue;

/**
 * Messages are written for whoever edits the JSON file, not for a TypeScript reader: zod's
 * defaults say "expected number, received undefined". An absent key says "required" first,
 * because "expected text" alone reads as if a value were there but wrong.
 */
const describe = (iss: RawIssue, expected: string) => (iss.input === undefined && iss.code !== 'custom' ? `required, ${expected}` : expected);
const msg = (expected: string) => ({ error: (iss: RawIssue) => describe(iss, expected) });

const quoted = (keys: readonly PropertyKey[]) => keys.map((k) => `"${String(k)}"`).join(', ');
const unknownFields = (keys: readonly PropertyKey[]) => `unknown field${keys.length > 1 ? 's' : ''} ${quoted(keys)}`;

/** Strict, so that a misspelt optional field ("minstay") is reported instead of silently ignored. */
function strictObject<S extends z.core.$ZodLooseShape>(shape: S, expected = 'expected an object', unknownKeys = unknownFields) {
  return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? unknownKeys(iss.keys) : describe(iss, expected)) });
}
const list = <T extends z.core.SomeType>(item: T) => z.array(item, msg('expected a list'));
const bool = z.boolean(msg('expected true or false'));

const idText = 'expected an id of lowercase letters, digits and dashes';
const id = z.string(msg(idText)).regex(/^[a-z0-9][a-z0-9-]{0,62}$/, msg(idText));
const positiveInt = z.number(msg('expected a positive integer')).int(msg('expected a positive integer')).positive(msg('expected a positive integer'));
const nonNegativeInt = z.number(msg('expected a non-negative integer')).int(msg('expected a non-negative integer')).min(0, msg('expected a non-negative integer'));
/** Money is integer minor units (cents) in the property's currency; the example keeps editors from writing 160.00. */
const amountText = 'expected an amount in minor units, a non-negative integer (16000 for 160.00)';
const minorUnits = z.number(msg(amountText)).int(msg(amountText)).min(0, msg(amountText));
const rateText = 'expected a nightly rate in minor units, a positive integer (16000 for 160.00)';
const nightlyRate = z.number(msg(rateText)).int(msg(rateText)).positive(msg(rateText));
const percent = z.number(msg('expected a percentage')).min(-100, msg('expected a percentage of at least -100')).max(1000, msg('expected a percentage of at most 1000'));
const share = z.number(msg('expected a percentage from 0 to 100')).min(0, msg('expected a percentage from 0 to 100')).max(100, msg('expected a percentage from 0 to 100'));
const clockTime = z.string(msg('expected a time HH:MM')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('expected a time HH:MM'));
const night = z.string(msg('expected a date YYYY-MM-DD')).refine(isNight, msg('expected a date YYYY-MM-DD'));
const monthDay = z
  .string(msg('expected a month and day MM-DD'))
  .refine((v) => /^\d{2}-\d{2}$/.test(v) && isNight(`2024-${v}`), msg('expected a month and day MM-DD'));
/**
 * http(s) only: these links end up in cards and messages shown to guests, where a
 * `javascript:` or `file:` URL (which z.url accepts by default) has no business.
 */
const url = z.url({ protocol: /^https?$/, ...msg('expected an http(s) URL such as https://www.example.com/photo.jpg') });
const nonEmpty = z.string(msg('expected text')).trim().min(1, msg('expected text'));
const localeList = LOCALES.join(', ');
const unknownLanguages = (keys: readonly PropertyKey[]) => `unknown language${keys.length > 1 ? 's' : ''} ${quoted(keys)}, expected ${localeList}`;

export const localizedTextSchema = strictObject(
  Object.fromEntries(LOCALES.map((l) => [l, nonEmpty.optional()])) as Record<(typeof LOCALES)[number], z.ZodOptional<typeof nonEmpty>>,
  `expected text by language, such as { "en": "…", "fr": "…" }`,
  unknownLanguages,
).refine((t) => Object.values(t).some((v) => v !== undefined), msg(`expected text in at least one of ${localeList}`));

const bedKinds = ['single', 'double', 'queen', 'king', 'twin', 'sofa', 'bunk', 'cot'] as const;
const bedSchema = strictObject({
  kind: z.enum(bedKinds, msg(`expected one of ${bedKinds.join(', ')}`)),
  count: positiveInt,
});

const capacitySchema = strictObject({ adults: positiveInt, children: nonNegativeInt, total: positiveInt.optional() }).superRefine((c, ctx) => {
  // A cap below the adult places or above every place would make one of the numbers a lie.
  if (c.total !== undefined && (c.total < c.adults || c.total > c.adults + c.children)) {
    ctx.addIssue({ code: 'custom', path: ['total'], message: `expected a total from ${c.adults} (adults) to ${c.adults + c.children} (adults + children)` });
  }
});

export const unitTypeSchema = strictObject({
  id,
  name: localizedTextSchema,
  description: localizedTextSchema,
  capacity: capacitySchema,
  beds: list(bedSchema).min(1, msg('expected at least one bed')),
  /** Amenity codes ("wifi", "bathtub"), worded for guests by the message catalogue. */
  amenities: list(nonEmpty).default([]),
  photos: list(url).default([]),
  /** Nightly price before seasons, day of week and yield, in minor units. */
  baseRate: nightlyRate,
  sizeM2: positiveInt.optional(),
});

const allDayEndText = `expected ${ALL_DAY_END_MODES.join(' or ')}`;
export const externalFeedSchema = strictObject({
  id,
  url,
  label: nonEmpty,
  refreshMinutes: positiveInt.optional(),
  /** What the feed's all-day DTEND means; "departure" (RFC 5545) unless the platform says otherwise. */
  allDayEnd: z.enum(ALL_DAY_END_MODES, msg(allDayEndText)).optional(),
});

/** At least 128 bits: 22 base64url characters, or 32 hex digits (`openssl rand -hex 16`). */
const exportTokenText = 'expected a random token of 22 to 128 letters, digits, "-" or "_" (at least 128 bits, e.g. `openssl rand -hex 16`)';
const exportToken = z.string(msg(exportTokenText)).regex(/^[A-Za-z0-9_-]{22,128}$/, msg(exportTokenText));

export const unitSchema = strictObject({
  id,
  typeId: id,
  name: nonEmpty,
  feeds: list(externalFeedSchema).default([]),
  /** Secret part of the unit's exported calendar URL; replace it to revoke the old URL. */
  exportToken: exportToken.optional(),
});

const policyText = 'expected a cancellation policy of kind flexible or non_refundable';
export const cancellationPolicySchema = z.discriminatedUnion(
  'kind',
  [
    strictObject({
      kind: z.literal('flexible'),
      /** Free until this many days before arrival, at the property's check-in time. */
      freeUntilDaysBefore: nonNegativeInt,
      /** Share of the total kept after that. */
      retainedPercentAfter: share,
    }),
    strictObject({ kind: z.literal('non_refundable') }),
  ],
  msg(policyText),
);

export const ratePlanSchema = strictObject({
  id,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Percentage on the room price: -10 for a non-refundable discount. */
  adjustPercent: percent.default(0),
  breakfastIncluded: bool.default(false),
  /** Added per adult per night when breakfast is included. */
  breakfastPerAdult: minorUnits.default(0),
  cancellation: cancellationPolicySchema,
  /** Unit types the plan is sold for; all when absent. */
  unitTypeIds: list(id).optional(),
});

export const seasonSchema = strictObject({
  id,
  name: localizedTextSchema.optional(),
  /** Inclusive, repeating every year; `from` after `to` wraps over the new year. */
  from: monthDay,
  to: monthDay,
  adjustPercent: percent.default(0),
  /** Absolute nightly rates for some unit types in this season, replacing the base rate. */
  rates: z
    .record(id, nightlyRate, { error: (iss) => (iss.code === 'invalid_key' ? `expected unit type ids as keys` : describe(iss, 'expected an object of nightly rates by unit type id')) })
    .default({}),
  minStay: positiveInt.optional(),
});

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const WEEKDAYS = weekdays;

export const yieldRulesSchema = strictObject({
  /** Applied when the property's occupancy of a night is at least `minOccupancyPercent`; the highest step that matches wins. */
  occupancy: list(strictObject({ minOccupancyPercent: share, adjustPercent: percent })).default([]),
  /** Last minute: arrival within `maxDaysBefore` days. */
  lastMinute: strictObject({ maxDaysBefore: nonNegativeInt, adjustPercent: percent }).optional(),
  /** Early bird: arrival at least `minDaysBefore` days ahead. */
  earlyBird: strictObject({ minDaysBefore: positiveInt, adjustPercent: percent }).optional(),
});

export const promotionSchema = strictObject({
  id,
  name: localizedTextSchema,
  adjustPercent: percent,
  /** Nights that may be sold at this price; the promotion stops when they are sold. */
  quotaNights: positiveInt,
  stayFrom: night.optional(),
  stayTo: night.optional(),
  unitTypeIds: list(id).optional(),
  ratePlanIds: list(id).optional(),
  directOnly: bool.default(true),
}).superRefine((promo, ctx) => {
  if (promo.stayFrom && promo.stayTo && promo.stayFrom > promo.stayTo) {
    ctx.addIssue({ code: 'custom', path: ['stayTo'], message: 'expected a date on or after stayFrom' });
  }
});

/** An object keyed by a fixed set of names (weekdays, languages), where a typo must not pass. */
const keyedBy = <V extends z.core.SomeType>(keys: readonly [string, ...string[]], value: V, expected: string, unknownKeys: (keys: readonly PropertyKey[]) => string) =>
  // Typed as raising invalid_key only, but an enum-keyed record reports strays as unrecognized_keys.
  z.partialRecord(z.enum(keys), value, { error: (iss: RawIssue) => (iss.code === 'unrecognized_keys' ? unknownKeys(iss.keys) : describe(iss, expected)) });

export const pricingSchema = strictObject({
  seasons: list(seasonSchema).default([]),
  dayOfWeek: keyedBy(weekdays, percent, 'expected percentages by weekday, such as { "fri": 10, "sat": 15 }', (keys) => `unknown weekday${keys.length > 1 ? 's' : ''} ${quoted(keys)}, expected ${weekdays.join(', ')}`).default({}),
  minStay: positiveInt.default(1),
  closedToArrival: list(night).default([]),
  /** Percentage for bookings made on our own channels, against OTA parity. */
  directAdjustPercent: percent.default(0),
  yield: yieldRulesSchema.default({ occupancy: [] }),
  promotions: list(promotionSchema).default([]),
});

export const faqSchema = strictObject({
  id,
  question: localizedTextSchema,
  answer: localizedTextSchema,
  keywords: keyedBy(LOCALES, list(nonEmpty), 'expected keyword lists by language, such as { "en": ["parking"] }', unknownLanguages).default({}),
});

const perValues = ['item', 'person', 'night', 'stay'] as const;
export const conciergeServiceSchema = strictObject({
  id,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** null means free. */
  price: z.number(msg(`${amountText}, or null when free`)).int(msg(amountText)).min(0, msg(amountText)).nullable(),
  per: z.enum(perValues, msg(`expected one of ${perValues.join(', ')}`)).default('item'),
  needsSlot: bool.default(false),
});

const collectModes = ['full', 'deposit', 'guarantee'] as const;
const accountText = 'expected a Stripe connected account id such as acct_1Nv0FGQ9RKHgCVdK';
/**
 * What the payment link takes: the whole stay up front, a deposit of `depositPercent` with the
 * balance paid at the hotel, or only a card guarantee (nothing charged online).
 */
export const paymentSettingsSchema = strictObject({
  collect: z.enum(collectModes, msg(`expected one of ${collectModes.join(', ')}`)).default('full'),
  /**
   * Platform mode: the money goes to the property's own Stripe account and the deployment keeps
   * its commission as an application fee, a percentage of what is charged.
   */
  platform: strictObject({
    connectedAccountId: z.string(msg(accountText)).regex(/^acct_[A-Za-z0-9]{6,}$/, msg(accountText)),
    applicationFeePercent: share,
  }).optional(),
});
export type PaymentSettings = z.output<typeof paymentSettingsSchema>;

export const propertySchema = strictObject({
  id,
  name: localizedTextSchema,
  description: localizedTextSchema,
  timeZone: z.string(msg('expected an IANA time zone such as Europe/Paris')).refine(isValidTimeZone, msg('expected an IANA time zone such as Europe/Paris')),
  currency: z.string(msg('expected an ISO 4217 currency code such as EUR')).regex(/^[A-Z]{3}$/, msg('expected an ISO 4217 currency code such as EUR')),
  defaultLocale: z.enum(LOCALES, msg(`expected one of ${localeList}`)).default('en'),
  checkInTime: clockTime,
  checkOutTime: clockTime,
  address: strictObject({
    line1: nonEmpty,
    line2: nonEmpty.optional(),
    postalCode: nonEmpty,
    city: nonEmpty,
    region: nonEmpty.optional(),
    country: z.string(msg('expected an ISO 3166 country code such as FR')).regex(/^[A-Z]{2}$/, msg('expected an ISO 3166 country code such as FR')),
  }),
  contact: strictObject({
    email: z.email(msg('expected an email address')),
    phone: z.string(msg('expected a phone number in E.164 form such as +33612345678')).regex(/^\+[1-9]\d{6,14}$/, msg('expected a phone number in E.164 form such as +33612345678')),
    website: url.optional(),
  }),
  bookingMode: z.enum(['instant', 'request'], msg('expected instant or request')),
  depositPercent: share,
  /** Absent: the whole stay is paid up front, to the deployment's own Stripe account. */
  payment: paymentSettingsSchema.default({ collect: 'full' }),
  touristTax: strictObject({ perAdultPerNight: minorUnits }),
  holdMinutes: positiveInt.default(20),
  unitTypes: list(unitTypeSchema).min(1, msg('expected at least one unit type')),
  units: list(unitSchema).min(1, msg('expected at least one unit')),
  ratePlans: list(ratePlanSchema).min(1, msg('expected at least one rate plan')),
  pricing: pricingSchema,
  faq: list(faqSchema).default([]),
  reviewLinks: list(strictObject({ label: nonEmpty, url })).default([]),
  concierge: list(conciergeServiceSchema).default([]),
}).superRefine(
  (_doc, ctx) => {
    // A reference problem at a path that already failed (a malformed typeId) would only repeat it.
    const failed = new Set(ctx.issues.map((i) => JSON.stringify(i.path)));
    for (const issue of referenceIssues(ctx.value)) {
      if (!failed.has(JSON.stringify(issue.path))) ctx.addIssue({ code: 'custom', ...issue });
    }
  },
  // Run even when fields failed, so that one pass reports every problem of the file.
  { when: () => true },
);

export type PropertyInput = z.input<typeof propertySchema>;
export type Property = z.output<typeof propertySchema>;
export type UnitType = Property['unitTypes'][number];
export type Unit = Property['units'][number];
export type ExternalFeed = Unit['feeds'][number];
export type RatePlan = Property['ratePlans'][number];
export type CancellationPolicy = RatePlan['cancellation'];
export type Season = Property['pricing']['seasons'][number];
export type Promotion = Property['pricing']['promotions'][number];
export type ConciergeService = Property['concierge'][number];
