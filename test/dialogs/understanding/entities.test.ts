/** Email, phone (E.164 when possible), booking reference, unit type. */
import { nowOfDate } from '../../../dialogs/understanding/cli-io';
import { understand } from '../../../dialogs/understanding/understand';
import { FRI, say } from './helpers';

describe('entities', () => {
  it('reads an email', () => {
    expect(say('my email is John.Smith@Gmail.com thanks').entities.email).toBe('john.smith@gmail.com');
  });

  it.each([
    ['call me on +33 6 12 34 56 78', 'fr', '+33612345678'],
    ['rappelez-moi au 06 12 34 56 78', 'fr', '+33612345678'],
    ['my number is (555) 123-4567', 'en', '+15551234567'],
    ['+44 7700 900123', 'en', '+447700900123'],
    ['mi teléfono es 612 345 678', 'es', '+34612345678'],
    ['meu telefone é 912 345 678', 'pt', '+351912345678'],
    ['0044 20 7946 0958', 'en', '+442079460958'],
  ] as const)('reads a phone in %s', (text, locale, phone) => {
    expect(say(text, FRI, locale).entities.phone).toBe(phone);
  });

  it('does not read dates as phones', () => {
    expect(say('from 12/12/2026 to 15/12/2026').entities.phone).toBeNull();
    expect(say('2026-12-12 to 2026-12-15').entities.phone).toBeNull();
  });

  it.each([
    ['cancel booking 7KQ2MX', '7KQ2MX'],
    ['ma réservation ab3de5 svp', 'AB3DE5'],
    ['ref: h4k-9pz', 'H4K9PZ'],
    ['mi reserva es R8T2WQ', 'R8T2WQ'],
  ])('reads the reference in %s', (text, ref) => {
    expect(say(text).entities.reference).toBe(ref);
  });

  it.each([
    ['2adlts for dec 12-15'],
    ['HELLO there'],
    ['ABCDEF'],
    ['123456'],
    ['AB1OE5'],
  ])('does not take %s for a reference', (text) => {
    expect(say(text).entities.reference).toBeNull();
  });

  it('does not read a reference or a phone as a date or a head count', () => {
    const u = say('booking 7KQ2MX, call 06 12 34 56 78', FRI, 'fr');
    expect(u.stay).toEqual({ checkIn: null, checkOut: null });
    expect(u.party).toEqual({ adults: null, children: null });
  });

  it('spots the unit type, accent- and case-insensitively, longest name first', () => {
    const unitTypes = [
      { id: 'std', names: ['chambre', 'room', 'habitación'] },
      { id: 'sup', names: ['chambre supérieure', 'superior room'] },
      { id: 'suite', names: ['Suite Junior', 'junior suite'] },
    ];
    const ask = (text: string): string | null => understand(text, { now: nowOfDate(FRI), timeZone: 'Europe/Paris', unitTypes }).entities.unitTypeId;
    expect(ask('la CHAMBRE SUPERIEURE du 12 au 15')).toBe('sup');
    expect(ask('une chambre du 12 au 15')).toBe('std');
    expect(ask('the junior suite please')).toBe('suite');
    expect(ask('una habitacion doble')).toBe('std');
    expect(ask('un gîte')).toBeNull();
    expect(say('the junior suite').entities.unitTypeId).toBeNull();
  });
});
