import { en, type Messages } from '../../../dialogs/messages/en';
import { es } from '../../../dialogs/messages/es';
import { fr } from '../../../dialogs/messages/fr';
import { pt } from '../../../dialogs/messages/pt';

type Key = keyof Messages;
type FnKey = { [K in Key]: Messages[K] extends (p: never) => string ? K : never }[Key];
type Entry = string | ((p: unknown) => string);

/** One sample per function, each value distinct so it can be found in the output. Typed, so a new function in en must get a sample here. */
const SAMPLES: { [K in FnKey]: Parameters<Messages[K]>[0] } = {
  greeting: { property: 'Château de Vauclair' },
  welcomeBack: { where: '<WHERE>' },
  messageTooLong: { max: '<MAX>' },
  askCheckOut: { checkIn: 'Sat 12 Dec' },
  tooLong: { max: 28 },
  offersIntro: { stay: '<STAY>', party: '<PARTY>' },
  offerSubtitle: { perNight: '€120', total: '€360' },
  offerText: { plans: '<PLANS>' },
  planLine: { plan: 'Flexible rate', total: '€360', terms: '<TERMS>' },
  planButton: { plan: 'Flexible rate', total: '€360' },
  chooseNumbered: { list: '1. Classic room\n2. Tower Suite' },
  noAvailability: { stay: '<STAY>', party: '<PARTY>' },
  minStay: { nights: 3 },
  minStayButton: { nights: 3 },
  tooManyGuests: { max: 5 },
  closedToArrival: { date: 'Sun 13 Dec' },
  priceChanged: { total: '€410' },
  summary: { room: 'Tower Suite', stay: '<STAY>', party: '<PARTY>', plan: 'Flexible rate', total: '€360', terms: '<TERMS>', name: 'Camille Martin' },
  held: { reference: 'K7M2QX', minutes: 15 },
  payNow: { url: 'https://pay.example.com/p/abc123' },
  requestSent: { reference: 'K7M2QX' },
  bookingDetails: { reference: 'K7M2QX', room: 'Tower Suite', stay: '<STAY>', party: '<PARTY>', total: '€360', state: '<STATE>' },
  cancelPreviewFree: { refund: '€360' },
  cancelPreviewPartial: { refund: '€252', retained: '€108' },
  cancelDone: { reference: 'K7M2QX', refund: '€252' },
  changeUnavailable: { stay: '<STAY>' },
  changePreview: { stay: '<STAY>', total: '€410', difference: '<DIFF>' },
  changeDone: { reference: 'K7M2QX', stay: '<STAY>' },
  freeCancellationUntil: { date: '5 Dec, 16:00' },
  partialCancellation: { date: '5 Dec, 16:00', percent: 30 },
  nights: { n: 3 },
  stayRange: { from: 'Sat 12 Dec', to: 'Tue 15 Dec', nights: '<NIGHTS>' },
  adults: { n: 2 },
  children: { n: 2 },
  forParty: { party: '<PARTY>' },
  more: { amount: '€50' },
  less: { amount: '€50' },
  noticeConfirmed: { reference: 'K7M2QX', room: 'Tower Suite', stay: '<STAY>', paid: '€108', balance: '€252', terms: '<TERMS>', calendarUrl: 'https://chat.example.com/ics/abc' },
  noticeRefund: { reference: 'K7M2QX', amount: '€252' },
  noticeLatePayment: { reference: 'K7M2QX', amount: '€360' },
  noticeHoldExpired: { reference: 'K7M2QX' },
  noticeRequestApproved: { reference: 'K7M2QX', url: 'https://pay.example.com/p/abc123', until: '24 Nov, 10:00' },
  noticeRequestDeclined: { reference: 'K7M2QX' },
  noticeRequestLapsed: { reference: 'K7M2QX' },
  changeDonePay: { reference: 'K7M2QX', stay: '<STAY>', amount: '€50', url: 'https://pay.example.com/p/diff' },
  changeDoneRefund: { reference: 'K7M2QX', stay: '<STAY>', amount: '€50' },
  cancelDoneRefundLater: { reference: 'K7M2QX', refund: '€252' },
  checkoutStay: { room: 'Tower Suite', plan: 'Flexible rate', nights: 3, from: '2027-12-12', to: '2027-12-15' },
  checkoutDeposit: { percent: 30, room: 'Tower Suite', balance: '€252' },
  checkoutDateChange: { reference: 'K7M2QX' },
  checkoutReference: { reference: 'K7M2QX' },
  payPageDue: { reference: 'K7M2QX', amount: '€108' },
  payPageBalance: { amount: '€252' },
  calendarSummary: { property: 'Château de Vauclair', room: 'Tower Suite' },
  calendarDescription: { reference: 'K7M2QX', checkIn: '16:00', checkOut: '11:00', timeZone: 'Europe/Paris' },
};

const LOCALES: Record<string, Messages> = { fr, es, pt };

/**
 * Entries that may legitimately read the same as English: pure formatting of params, and short
 * tokens that happen to be spelt alike. Anything else identical to English is an untranslated string.
 */
const SAME_AS_ENGLISH: Record<string, Key[]> = {
  fr: ['offerText', 'planButton'],
  es: ['offerText', 'planLine', 'planButton', 'btnNo', 'calendarSummary'],
  pt: ['offerText', 'planLine', 'planButton', 'calendarSummary'],
};

const render = (entry: Entry, key: Key): string => (typeof entry === 'function' ? entry(SAMPLES[key as FnKey]) : entry);
const entryOf = (catalog: Messages, key: Key) => catalog[key] as Entry;
const keys = Object.keys(en).sort() as Key[];

describe('sample params', () => {
  it('cover exactly the functions of en', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(keys.filter((k) => typeof en[k] === 'function'));
  });
});

describe.each(Object.entries(LOCALES))('%s catalogue', (locale, catalog) => {
  it('has exactly the keys of en, each of the same kind', () => {
    expect(Object.keys(catalog).sort()).toEqual(keys);
    for (const key of keys) expect([key, typeof catalog[key]]).toEqual([key, typeof en[key]]);
  });

  it.each(keys)('%s is a non-empty string with the same line breaks as English', (key) => {
    const text = render(entryOf(catalog, key), key);
    expect(typeof text).toBe('string');
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(/undefined|\$\{|\[object /);
    expect(text.split('\n').length).toBe(render(entryOf(en, key), key).split('\n').length);
  });

  it('translates everything but the listed entries', () => {
    const same = keys.filter((key) => render(entryOf(catalog, key), key) === render(entryOf(en, key), key));
    expect(same.sort()).toEqual([...(SAME_AS_ENGLISH[locale] ?? [])].sort());
  });

  it.each(Object.keys(SAMPLES) as FnKey[])('%s shows every param it is given', (key) => {
    const text = render(entryOf(catalog, key), key);
    for (const value of Object.values(SAMPLES[key] as Record<string, string | number>)) expect(text).toContain(String(value));
  });

  it('keeps the reference, the URL and the example reference', () => {
    expect(catalog.held({ reference: 'K7M2QX', minutes: 15 })).toContain('K7M2QX');
    expect(catalog.requestSent({ reference: 'K7M2QX' })).toContain('K7M2QX');
    expect(catalog.payNow({ url: 'https://pay.example.com/p/abc123' })).toContain('https://pay.example.com/p/abc123');
    expect(catalog.askReference).toContain('K7M2QX');
  });

  it('uses singular and plural forms', () => {
    for (const key of ['nights', 'adults', 'children'] as const) {
      const one = catalog[key]({ n: 1 });
      const two = catalog[key]({ n: 2 });
      expect(one.startsWith('1 ')).toBe(true);
      expect(two.startsWith('2 ')).toBe(true);
      expect(two.slice(2)).not.toBe(one.slice(2));
    }
  });

  it('says nothing about a refund when there is none', () => {
    const text = catalog.cancelDone({ reference: 'K7M2QX', refund: '' });
    expect(text).toContain('K7M2QX');
    expect(text).toBe(text.trim());
    expect(text.length).toBeLessThan(catalog.cancelDone({ reference: 'K7M2QX', refund: '€252' }).length);
  });
});

describe('a whole sentence', () => {
  const offersIntro = (m: Messages) =>
    m.offersIntro({
      stay: m.stayRange({ from: 'FROM', to: 'TO', nights: m.nights({ n: 3 }) }),
      party: m.forParty({ party: `${m.adults({ n: 2 })} ${m.and} ${m.children({ n: 1 })}` }),
    });

  it('reads naturally in each language', () => {
    expect(offersIntro(en)).toBe('Here is what we have from FROM to TO (3 nights), for 2 adults and 1 child:');
    expect(offersIntro(es)).toBe('Esto es lo que tenemos del FROM al TO (3 noches), para 2 adultos y 1 niño:');
    expect(offersIntro(pt)).toBe('Eis o que temos de FROM a TO (3 noites), para 2 adultos e 1 criança:');
  });
});
