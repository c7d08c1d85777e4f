import { parseProperty } from '../../../domain/catalog/parse';
import { ABSENT, changed, validPropertyDocument, type PathSegment } from './property-document';

const errorsOf = (doc: unknown): string[] => {
  const result = parseProperty(doc);
  return result.ok ? [] : result.errors;
};

const URL_REASON = 'expected an http(s) URL such as https://www.example.com/photo.jpg';
const LANGUAGES = 'expected text by language, such as { "en": "…", "fr": "…" }';

// Each row breaks one field of a valid document and names every line the hotel would read.
const cases: [string, PathSegment[], unknown, string[]][] = [
  ['zero adults', ['unitTypes', 2, 'capacity', 'adults'], 0, ['unitTypes[2].capacity.adults: expected a positive integer']],
  ['adults as a word', ['unitTypes', 2, 'capacity', 'adults'], 'two', ['unitTypes[2].capacity.adults: expected a positive integer']],
  ['fractional adults', ['unitTypes', 2, 'capacity', 'adults'], 1.5, ['unitTypes[2].capacity.adults: expected a positive integer']],
  ['missing adults', ['unitTypes', 2, 'capacity', 'adults'], ABSENT, ['unitTypes[2].capacity.adults: required, expected a positive integer']],
  ['missing unit name', ['units', 0, 'name'], ABSENT, ['units[0].name: required, expected text']],
  ['blank unit name', ['units', 0, 'name'], '   ', ['units[0].name: expected text']],
  ['missing property name', ['name'], ABSENT, [`name: required, ${LANGUAGES}`]],
  ['name as a plain string', ['name'], 'Manoir', [`name: ${LANGUAGES}`]],
  ['name in no language', ['name'], {}, ['name: expected text in at least one of en, fr, es, pt']],
  ['name in an unsupported language', ['name'], { en: 'Manor', de: 'Herrenhaus' }, ['name: unknown language "de", expected en, fr, es, pt']],
  ['unknown field in a unit type', ['unitTypes', 1, 'colour'], 'red', ['unitTypes[1]: unknown field "colour"']],
  ['unknown field at the top', ['stars'], 4, ['(root): unknown field "stars"']],
  ['misspelt optional field', ['pricing', 'minstay'], 2, ['pricing: unknown field "minstay"']],
  ['bad booking mode', ['bookingMode'], 'maybe', ['bookingMode: expected instant or request']],
  ['missing booking mode', ['bookingMode'], ABSENT, ['bookingMode: required, expected instant or request']],
  ['bad bed kind', ['unitTypes', 0, 'beds', 0, 'kind'], 'waterbed', ['unitTypes[0].beds[0].kind: expected one of single, double, queen, king, twin, sofa, bunk, cot']],
  ['no beds', ['unitTypes', 0, 'beds'], [], ['unitTypes[0].beds: expected at least one bed']],
  ['bad cancellation kind', ['ratePlans', 0, 'cancellation'], { kind: 'free' }, ['ratePlans[0].cancellation.kind: expected a cancellation policy of kind flexible or non_refundable']],
  ['missing cancellation', ['ratePlans', 0, 'cancellation'], ABSENT, ['ratePlans[0].cancellation: required, expected a cancellation policy of kind flexible or non_refundable']],
  ['flexible field on a non-refundable policy', ['ratePlans', 1, 'cancellation', 'freeUntilDaysBefore'], 3, ['ratePlans[1].cancellation: unknown field "freeUntilDaysBefore"']],
  ['retained share over 100', ['ratePlans', 0, 'cancellation', 'retainedPercentAfter'], 150, ['ratePlans[0].cancellation.retainedPercentAfter: expected a percentage from 0 to 100']],
  [
    'unit of an unknown type',
    ['units', 1, 'typeId'],
    'triple',
    ['units[1].typeId: unknown unit type "triple"', 'unitTypes[1].id: no unit of type "twin"'],
  ],
  ['malformed type id', ['units', 1, 'typeId'], 'Twin', ['units[1].typeId: expected an id of lowercase letters, digits and dashes', 'unitTypes[1].id: no unit of type "twin"']],
  ['duplicate unit id', ['units', 2, 'id'], 'room-1', ['units[2].id: duplicate id "room-1", already used by units[0]']],
  [
    'duplicate unit type id',
    ['unitTypes', 2, 'id'],
    'double',
    ['unitTypes[2].id: duplicate id "double", already used by unitTypes[0]', 'units[2].typeId: unknown unit type "suite"'],
  ],
  ['duplicate rate plan id', ['ratePlans', 1, 'id'], 'flexible', ['ratePlans[1].id: duplicate id "flexible", already used by ratePlans[0]']],
  ['promotion for an unknown rate plan', ['pricing', 'promotions', 0, 'ratePlanIds'], ['flexible', 'b-and-b'], ['pricing.promotions[0].ratePlanIds[1]: unknown rate plan "b-and-b"']],
  ['promotion for an unknown unit type', ['pricing', 'promotions', 0, 'unitTypeIds'], ['penthouse'], ['pricing.promotions[0].unitTypeIds[0]: unknown unit type "penthouse"']],
  ['zero promotion quota', ['pricing', 'promotions', 0, 'quotaNights'], 0, ['pricing.promotions[0].quotaNights: expected a positive integer']],
  ['season rate for an unknown type', ['pricing', 'seasons', 0, 'rates'], { penthouse: 30000 }, ['pricing.seasons[0].rates.penthouse: unknown unit type "penthouse"']],
  ['season rate under a malformed key', ['pricing', 'seasons', 0, 'rates'], { 'Suite Royale': 30000 }, ['pricing.seasons[0].rates.Suite Royale: expected unit type ids as keys']],
  ['weekday spelt out', ['pricing', 'dayOfWeek'], { friday: 10 }, ['pricing.dayOfWeek: unknown weekday "friday", expected sun, mon, tue, wed, thu, fri, sat']],
  ['keywords in an unsupported language', ['faq', 0, 'keywords'], { en: ['parking'], de: ['Parkplatz'] }, ['faq[0].keywords: unknown language "de", expected en, fr, es, pt']],
  ['site-relative photo', ['unitTypes', 0, 'photos'], ['/static/photos/room.jpg'], [`unitTypes[0].photos[0]: ${URL_REASON}`]],
  ['script URL in a review link', ['reviewLinks'], [{ label: 'Google', url: 'javascript:alert(1)' }], [`reviewLinks[0].url: ${URL_REASON}`]],
  ['price with decimals', ['unitTypes', 0, 'baseRate'], 160.5, ['unitTypes[0].baseRate: expected a nightly rate in minor units, a positive integer (16000 for 160.00)']],
  ['negative tourist tax', ['touristTax', 'perAdultPerNight'], -1, ['touristTax.perAdultPerNight: expected an amount in minor units, a non-negative integer (16000 for 160.00)']],
  [
    'service without a price',
    ['concierge', 0, 'price'],
    ABSENT,
    ['concierge[0].price: required, expected an amount in minor units, a non-negative integer (16000 for 160.00), or null when free'],
  ],
  ['service slot as text', ['concierge', 0, 'needsSlot'], 'yes', ['concierge[0].needsSlot: expected true or false']],
  ['misspelt time zone', ['timeZone'], 'Europe/Pariss', ['timeZone: expected an IANA time zone such as Europe/Paris']],
  ['lowercase currency', ['currency'], 'eur', ['currency: expected an ISO 4217 currency code such as EUR']],
  ['check-in time in words', ['checkInTime'], '4pm', ['checkInTime: expected a time HH:MM']],
  ['impossible closed date', ['pricing', 'closedToArrival'], ['2027-02-30'], ['pricing.closedToArrival[0]: expected a date YYYY-MM-DD']],
  ['season month 13', ['pricing', 'seasons', 0, 'from'], '13-01', ['pricing.seasons[0].from: expected a month and day MM-DD']],
  ['total above every place', ['unitTypes', 0, 'capacity', 'total'], 5, ['unitTypes[0].capacity.total: expected a total from 2 (adults) to 2 (adults + children)']],
  ['no units', ['units'], [], ['units: expected at least one unit']],
  ['units as an object', ['units'], {}, ['units: expected a list']],
  ['phone in national form', ['contact', 'phone'], '02 61 91 00 00', ['contact.phone: expected a phone number in E.164 form such as +33612345678']],
  ['deposit over 100', ['depositPercent'], 130, ['depositPercent: expected a percentage from 0 to 100']],
  ['property id with spaces', ['id'], 'Maison Test', ['id: expected an id of lowercase letters, digits and dashes']],
  ['missing address', ['address'], ABSENT, ['address: required, expected an object']],
  [
    'promotion ending before it starts',
    ['pricing', 'promotions', 0],
    { id: 'winter', name: { en: 'Winter' }, adjustPercent: -15, quotaNights: 40, stayFrom: '2027-03-01', stayTo: '2027-01-01' },
    ['pricing.promotions[0].stayTo: expected a date on or after stayFrom'],
  ],
];

describe('property document errors', () => {
  it('accepts the unbroken document', () => {
    expect(errorsOf(validPropertyDocument())).toEqual([]);
  });

  it.each(cases)('%s', (_name, path, value, expected) => {
    expect(errorsOf(changed(validPropertyDocument(), path, value))).toEqual(expected);
  });

  it('names every unknown field of one object on one line', () => {
    const doc = changed(changed(validPropertyDocument(), ['unitTypes', 0, 'colour'], 'red'), ['unitTypes', 0, 'stars'], 4);
    expect(errorsOf(doc)).toEqual(['unitTypes[0]: unknown fields "colour", "stars"']);
  });

  it('reports field errors and reference errors of one file together', () => {
    let doc = changed(validPropertyDocument(), ['unitTypes', 2, 'capacity', 'adults'], 0);
    doc = changed(doc, ['ratePlans', 0, 'refundable'], true);
    doc = changed(doc, ['units', 2, 'typeId'], 'suit');
    expect(errorsOf(doc)).toEqual([
      'unitTypes[2].capacity.adults: expected a positive integer',
      'ratePlans[0]: unknown field "refundable"',
      'units[2].typeId: unknown unit type "suit"',
      'unitTypes[2].id: no unit of type "suite"',
    ]);
  });

  it('reports a feed id used by two units', () => {
    const feed = (id: string) => ({ id, url: `https://ical.example/${id}.ics`, label: 'Booking.com' });
    let doc = changed(validPropertyDocument(), ['units', 0, 'feeds'], [feed('booking')]);
    doc = changed(doc, ['units', 1, 'feeds'], [feed('airbnb'), feed('booking')]);
    expect(errorsOf(doc)).toEqual(['units[1].feeds[1].id: duplicate feed id "booking", already used by units[0].feeds[0]']);
  });

  it.each([
    ['null', null],
    ['an array', [validPropertyDocument()]],
    ['a string', 'chateau'],
  ])('rejects %s as a document', (_name, doc) => {
    expect(errorsOf(doc)).toEqual(['(root): expected an object']);
  });
});
