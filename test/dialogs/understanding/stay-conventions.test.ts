/**
 * The stay conventions of issue #3, one table per convention, in the four languages.
 * 2026-11-20 is a Friday; 2026-11-28 a Saturday; 2026-11-29 a Sunday; 2026-11-23 a Monday.
 */
import { FRI, LATE_DEC, MON, SAT, SUN, say, stayOf } from './helpers';

type Row = [text: string, now: string, checkIn: string | null, checkOut: string | null];

const check = (rows: Row[]): void => {
  it.each(rows)('%s (today %s) → %s … %s', (text, now, checkIn, checkOut) => {
    expect(stayOf(text, now)).toEqual([checkIn, checkOut]);
  });
};

describe('future dates: a date without a year is its next occurrence on or after today', () => {
  check([
    ['a room on March 5', FRI, '2027-03-05', null],
    ['une chambre le 5 mars', FRI, '2027-03-05', null],
    ['una habitación el 5 de marzo', FRI, '2027-03-05', null],
    ['um quarto no dia 5 de março', FRI, '2027-03-05', null],
    ['a room on November 20', FRI, '2026-11-20', null],
    ['une chambre le 20 novembre', FRI, '2026-11-20', null],
  ]);
});

describe('future dates: a day of the month alone is the next such day on or after today', () => {
  check([
    ['is the suite free on the 14th?', FRI, '2026-12-14', null],
    ['la suite est libre le 14 ?', FRI, '2026-12-14', null],
    ['hay habitaciones libres el 14?', FRI, '2026-12-14', null],
    ['tem quarto livre no dia 14?', FRI, '2026-12-14', null],
    ['a room on the 20th', FRI, '2026-11-20', null],
    // words one edit from a month are not one ("avail" ≠ "avril")
    ['room avail 24th-26th?', FRI, '2026-11-24', '2026-11-26'],
    ['le 31 pour 2 nuits', '2026-11-05', '2026-12-31', '2027-01-02'],
    ['the 29th for 2 nights', '2026-02-27', '2026-03-29', '2026-03-31'],
  ]);
});

describe('future dates: a bare weekday is the next one after today', () => {
  check([
    ['a room on friday', FRI, '2026-11-27', null],
    ['une chambre vendredi', FRI, '2026-11-27', null],
    ['una habitación el viernes', FRI, '2026-11-27', null],
    ['um quarto na sexta', FRI, '2026-11-27', null],
    ['saturday night', FRI, '2026-11-21', '2026-11-22'],
  ]);
});

describe('future dates: "next <weekday>" on a Saturday or Sunday is the coming one', () => {
  check([
    ['next friday', SAT, '2026-12-04', null],
    ['vendredi prochain', SAT, '2026-12-04', null],
    ['el próximo viernes', SAT, '2026-12-04', null],
    ['na próxima sexta', SAT, '2026-12-04', null],
    ['next monday', SUN, '2026-11-30', null],
    ['lundi prochain', SUN, '2026-11-30', null],
    // On a weekday it is the one in next week.
    ['next friday', MON, '2026-12-04', null],
    ['el viernes que viene', MON, '2026-12-04', null],
  ]);
});

describe('ranges: B is the departure day', () => {
  check([
    ['Do you have a room from December 12 to 15 for 2 adults?', FRI, '2026-12-12', '2026-12-15'],
    ['Avez-vous une chambre du 12 au 15 décembre pour 2 adultes ?', FRI, '2026-12-12', '2026-12-15'],
    ['del 12 al 15 de diciembre', FRI, '2026-12-12', '2026-12-15'],
    ['de 12 a 15 de dezembro', FRI, '2026-12-12', '2026-12-15'],
    ['dec 12-15', FRI, '2026-12-12', '2026-12-15'],
    ['12-15 déc', FRI, '2026-12-12', '2026-12-15'],
    ['dispo 12-15/12 pr 2', FRI, '2026-12-12', '2026-12-15'],
    ['between the 12th and the 15th of December', FRI, '2026-12-12', '2026-12-15'],
    ['entre le 12 et le 15 décembre', FRI, '2026-12-12', '2026-12-15'],
    ['entre el 12 y el 15 de diciembre', FRI, '2026-12-12', '2026-12-15'],
    ['entre 12 e 15 de dezembro', FRI, '2026-12-12', '2026-12-15'],
    ['arriving December 12, leaving December 15', FRI, '2026-12-12', '2026-12-15'],
    ['arrivée le 12 décembre, départ le 15', FRI, '2026-12-12', '2026-12-15'],
    ['llegada el 12 de diciembre, salida el 15', FRI, '2026-12-12', '2026-12-15'],
    ['chegada dia 12 de dezembro, saída dia 15', FRI, '2026-12-12', '2026-12-15'],
    ['from friday to sunday', FRI, '2026-11-27', '2026-11-29'],
  ]);
});

describe('ranges: B without a month takes A’s month, or the next month', () => {
  check([
    ['from Dec 12 to the 15th', FRI, '2026-12-12', '2026-12-15'],
    ['from the 28th of December to the 3rd', FRI, '2026-12-28', '2027-01-03'],
    ['du 28 décembre au 3', FRI, '2026-12-28', '2027-01-03'],
    ['del 28 de diciembre al 3', FRI, '2026-12-28', '2027-01-03'],
    ['de 28 de dezembro a 3', FRI, '2026-12-28', '2027-01-03'],
    // A without a month borrows B's (or the month before).
    ['du 28 au 3 janvier', FRI, '2026-12-28', '2027-01-03'],
    ['from the 25th to the 2nd', FRI, '2026-11-25', '2026-12-02'],
  ]);
});

describe('ranges may cross the new year', () => {
  check([
    ['Dec 30 to Jan 2', LATE_DEC, '2026-12-30', '2027-01-02'],
    ['du 30 déc au 2 janv', LATE_DEC, '2026-12-30', '2027-01-02'],
    ['del 30 de dic al 2 de ene', LATE_DEC, '2026-12-30', '2027-01-02'],
    ['de 30 de dez a 2 de jan', LATE_DEC, '2026-12-30', '2027-01-02'],
    ['from the 30th to the 2nd', LATE_DEC, '2026-12-30', '2027-01-02'],
  ]);
});

describe('lengths: "N nights from A" and "A for N nights"', () => {
  check([
    ['3 nights from December 12', FRI, '2026-12-12', '2026-12-15'],
    ['December 12 for 3 nights', FRI, '2026-12-12', '2026-12-15'],
    ['3 nuits à partir du 12 décembre', FRI, '2026-12-12', '2026-12-15'],
    ['le 12 décembre pour 3 nuits', FRI, '2026-12-12', '2026-12-15'],
    ['3 noches desde el 12 de diciembre', FRI, '2026-12-12', '2026-12-15'],
    ['el 12 de diciembre, 3 noches', FRI, '2026-12-12', '2026-12-15'],
    ['3 noites a partir de 12 de dezembro', FRI, '2026-12-12', '2026-12-15'],
    ['12 de dezembro por 3 noites', FRI, '2026-12-12', '2026-12-15'],
  ]);
});

describe('lengths: a week is 7 nights, a fortnight or quinze jours 14', () => {
  check([
    ['a week from December 1st', FRI, '2026-12-01', '2026-12-08'],
    ['une semaine à partir du 1er décembre', FRI, '2026-12-01', '2026-12-08'],
    ['una semana desde el 1 de diciembre', FRI, '2026-12-01', '2026-12-08'],
    ['uma semana a partir de 1 de dezembro', FRI, '2026-12-01', '2026-12-08'],
    ['a fortnight from December 1st', FRI, '2026-12-01', '2026-12-15'],
    ['2 weeks from December 1st', FRI, '2026-12-01', '2026-12-15'],
    ['quinze jours à partir du 1er décembre', FRI, '2026-12-01', '2026-12-15'],
    ['quince días desde el 1 de diciembre', FRI, '2026-12-01', '2026-12-15'],
    ['quinze dias a partir de 1 de dezembro', FRI, '2026-12-01', '2026-12-15'],
  ]);
});

describe('lengths: tonight and tomorrow night are one night unless a length is given', () => {
  check([
    ['a room tonight', FRI, '2026-11-20', '2026-11-21'],
    ['une chambre ce soir', FRI, '2026-11-20', '2026-11-21'],
    ['una habitación para esta noche', FRI, '2026-11-20', '2026-11-21'],
    ['um quarto para hoje à noite', FRI, '2026-11-20', '2026-11-21'],
    ['tomorrow night', FRI, '2026-11-21', '2026-11-22'],
    ['demain soir', FRI, '2026-11-21', '2026-11-22'],
    ['mañana por la noche', FRI, '2026-11-21', '2026-11-22'],
    ['amanhã à noite', FRI, '2026-11-21', '2026-11-22'],
    ['tonight for 3 nights', FRI, '2026-11-20', '2026-11-23'],
    ['demain soir pour 2 nuits', FRI, '2026-11-21', '2026-11-23'],
    ['tomorrow night', '2026-12-30', '2026-12-31', '2027-01-01'],
  ]);
});

describe('weekends: Friday in, Sunday out; "this weekend" is the coming one', () => {
  check([
    ['this weekend', MON, '2026-11-27', '2026-11-29'],
    ['ce week-end', MON, '2026-11-27', '2026-11-29'],
    ['este fin de semana', MON, '2026-11-27', '2026-11-29'],
    ['este fim de semana', MON, '2026-11-27', '2026-11-29'],
    ['this weekend', FRI, '2026-11-20', '2026-11-22'],
    ['next weekend', MON, '2026-12-04', '2026-12-06'],
    ['le week-end prochain', SAT, '2026-12-04', '2026-12-06'],
    ['el próximo fin de semana', SUN, '2026-12-04', '2026-12-06'],
    ['o próximo fim de semana', LATE_DEC, '2027-01-01', '2027-01-03'],
  ]);
});

describe('weekends: "the weekend of <date>" is the Friday-to-Sunday around it', () => {
  check([
    ['the weekend of December 19', FRI, '2026-12-18', '2026-12-20'],
    ['le week-end du 19 décembre', FRI, '2026-12-18', '2026-12-20'],
    ['el fin de semana del 19 de diciembre', FRI, '2026-12-18', '2026-12-20'],
    ['o fim de semana de 19 de dezembro', FRI, '2026-12-18', '2026-12-20'],
    ['the weekend of the 18th', FRI, '2026-12-18', '2026-12-20'],
    ['the weekend of the 20th', FRI, '2026-11-20', '2026-11-22'],
    ['valentine’s weekend', FRI, '2027-02-12', '2027-02-14'],
    ['the first weekend of December', FRI, '2026-12-04', '2026-12-06'],
    // Weekdays named around such a weekend are that weekend's.
    ['Valentine’s weekend, Friday to Monday', '2027-01-29', '2027-02-12', '2027-02-15'],
  ]);
});

describe('holidays resolve to their dates', () => {
  check([
    ['Christmas Eve', FRI, '2026-12-24', null],
    ['la veille de Noël', FRI, '2026-12-24', null],
    ['Nochebuena', FRI, '2026-12-24', null],
    ['véspera de Natal', FRI, '2026-12-24', null],
    ["New Year's Eve", FRI, '2026-12-31', null],
    ['la Saint-Sylvestre', FRI, '2026-12-31', null],
    ['Nochevieja', FRI, '2026-12-31', null],
    ['réveillon de ano novo', FRI, '2026-12-31', null],
    ["Valentine's Day", FRI, '2027-02-14', null],
    ['la Saint-Valentin', FRI, '2027-02-14', null],
    ['San Valentín', FRI, '2027-02-14', null],
    ['Dia dos Namorados', FRI, '2027-02-14', null],
    ['Christmas Eve for 3 nights', FRI, '2026-12-24', '2026-12-27'],
    ['Christmas Eve', LATE_DEC, '2027-12-24', null],
    ['easter weekend', '2026-03-31', '2026-04-03', '2026-04-05'],
    // Feasts counted from Easter, US Monday holidays, nth weekdays: our own tables.
    ['pour la Pentecôte', FRI, '2027-05-16', null],
    ['le week-end de l’Ascension', FRI, '2027-05-07', '2027-05-09'],
    ['Thanksgiving weekend', FRI, '2026-11-27', '2026-11-29'],
    ['Memorial Day weekend', FRI, '2027-05-28', '2027-05-30'],
    ['the second Saturday of January', FRI, '2027-01-09', null],
    ['la Toussaint', FRI, '2027-11-01', null],
    ['the weekend of the wedding', FRI, null, null],
  ]);
});

describe('lists of nights end the morning after the last', () => {
  check([
    ['tonight and tomorrow night', FRI, '2026-11-20', '2026-11-22'],
    ['ce soir et demain soir', FRI, '2026-11-20', '2026-11-22'],
    ['friday and saturday night', FRI, '2026-11-27', '2026-11-29'],
    ['the 12th, 13th and 14th of December', FRI, '2026-12-12', '2026-12-15'],
    ['les nuits du 24 et du 25 décembre', FRI, '2026-12-24', '2026-12-26'],
  ]);
});

describe('a month or a holiday said apart gives bare days their month', () => {
  check([
    ['in December, from the 12th to the 15th', FRI, '2026-12-12', '2026-12-15'],
    ['para o Natal, de 24 a 26', FRI, '2026-12-24', '2026-12-26'],
  ]);
});

describe('partial dates: one date gives an arrival only; no date gives nothing', () => {
  check([
    ['do you have availability on Dec 15?', FRI, '2026-12-15', null],
    ['dispo le 15 déc ?', FRI, '2026-12-15', null],
    ['Do you have rooms available?', FRI, null, null],
    ['2 adults please', FRI, null, null],
    ['3 nights for 2 people', FRI, null, null],
    ['sometime in December', FRI, null, null],
    ['la semaine dernière', FRI, null, null],
  ]);
  it('keeps a length said without a date', () => {
    expect(say('3 nights for 2 people').nights).toBe(3);
    expect(say('3 nuits pour 2').nights).toBe(3);
  });
});

describe('numeric dates: day/month in fr, es and pt; month/day in English unless only one reading is a date', () => {
  check([
    ['arrivée 03/12', FRI, '2026-12-03', null],
    ['llegada 03/12', FRI, '2026-12-03', null],
    ['chegada 03/12', FRI, '2026-12-03', null],
    ['arriving 12/3', FRI, '2026-12-03', null],
    ['arriving 25/12', FRI, '2026-12-25', null],
    ['du 25/12 au 28/12', FRI, '2026-12-25', '2026-12-28'],
    ['12/30 - 1/2', LATE_DEC, '2026-12-30', '2027-01-02'],
    ['from 12/12/2026 to 15/12/2026', FRI, '2026-12-12', '2026-12-15'],
    ['2026-12-12 to 2026-12-15', FRI, '2026-12-12', '2026-12-15'],
  ]);
});

describe('corrections inside one message replace what came before', () => {
  check([
    ['Dec 12 to 15... sorry I mean the 16th', FRI, '2026-12-12', '2026-12-16'],
    ['du 12 au 15 décembre... pardon, au 16', FRI, '2026-12-12', '2026-12-16'],
    ['12-15 dec, actually make it 2 nights', FRI, '2026-12-12', '2026-12-14'],
    ['le 12 décembre, non pardon le 13, pour 2 nuits', FRI, '2026-12-13', '2026-12-15'],
  ]);
});

describe('a date in a concierge request or in feedback is not a stay', () => {
  check([
    ['Can you book us a table for 4 at 8pm tonight?', FRI, null, null],
    ['we loved our weekend, thanks for everything!', FRI, null, null],
  ]);
});
