/**
 * The words that carry dates in English, French, Spanish and Portuguese, folded (no accents,
 * lower case, apostrophes and hyphens as spaces). One table for all four languages: guests
 * mix them ("dispo 12-15 dec"), and a word that means a date in one language rarely means
 * something else in a date position in another. Words that do ("mar", "sept", "dez", "out",
 * "may", "mon") are marked weak: they count only next to a day number.
 */

export type Ann =
  | { k: 'month'; m: number; weak?: boolean }
  | { k: 'wd'; d: number; weak?: boolean }
  /** today + days; `night` for "tonight", "tomorrow night": one night unless a length is given. */
  | { k: 'rel'; days: number; night?: boolean }
  | { k: 'weekend' }
  | { k: 'holiday'; m: number; d: number }
  /** Easter Sunday, or a feast a fixed number of days from it (Ascension +39, Pentecost +49). */
  | { k: 'easter'; offset: number }
  /** The nth weekday of a month (n = -1: the last): Thanksgiving, Memorial Day, Labor Day. */
  | { k: 'nthwd'; m: number; d: number; n: number }
  /** A length unit: nights per unit ("week" = 7). `day` units count as nights (guests say "3 days"). */
  | { k: 'unit'; per: number; u: 'night' | 'week' | 'day' | 'fortnight' | 'month' }
  /** A fixed length said in one word ("fortnight", "quinzaine"). */
  | { k: 'len'; nights: number }
  | { k: 'num'; n: number }
  | { k: 'next' }
  | { k: 'this' }
  /** Past markers ("last", "dernier", "pasado"): the date is not a stay. */
  | { k: 'past' }
  | { k: 'from' }
  /** Range connector. Strong ones ("until", "jusqu'au", "hasta", "até") also mark a departure alone. */
  | { k: 'to'; strong?: boolean }
  | { k: 'between' }
  | { k: 'and' }
  | { k: 'arrive' }
  | { k: 'depart' }
  /** Words that introduce a day number: "le 14", "the 14th", "el 14", "dia 14", "on the 14th". */
  | { k: 'dayart' }
  | { k: 'of' }
  | { k: 'corr' }
  | { k: 'in' }
  | { k: 'nightword' }
  | { k: 'for' }
  | { k: 'nextmonth' }
  /** Words in phrases that are not dates at all ("por la mañana" = in the morning). */
  | { k: 'noise' };

type Entry = readonly [phrase: string, ...anns: Ann[]];

const E = (offset: number): Ann => ({ k: 'easter', offset });
const H = (m: number, d: number): Ann => ({ k: 'holiday', m, d });

const month = (m: number, weak = false): Ann => (weak ? { k: 'month', m, weak } : { k: 'month', m });
const wd = (d: number, weak = false): Ann => (weak ? { k: 'wd', d, weak } : { k: 'wd', d });
const num = (n: number): Ann => ({ k: 'num', n });
const TO: Ann = { k: 'to' };
const TO_STRONG: Ann = { k: 'to', strong: true };
const NIGHT: Ann = { k: 'unit', per: 1, u: 'night' };
const WEEK: Ann = { k: 'unit', per: 7, u: 'week' };
const DAY: Ann = { k: 'unit', per: 1, u: 'day' };

const ENTRIES: Entry[] = [
  // Months, with abbreviations and the typos guests make.
  ['january', month(1)], ['jan', month(1)], ['janv', month(1)], ['janvier', month(1)], ['enero', month(1)], ['ene', month(1)], ['janeiro', month(1)], ['januray', month(1)],
  ['february', month(2)], ['febuary', month(2)], ['feb', month(2)], ['fevrier', month(2)], ['fev', month(2)], ['fevr', month(2)], ['febrero', month(2)], ['fevereiro', month(2)],
  ['march', month(3)], ['mars', month(3)], ['marzo', month(3)], ['marco', month(3)], ['mar', month(3, true), wd(2, true)],
  ['april', month(4)], ['apr', month(4)], ['avril', month(4)], ['avr', month(4)], ['abril', month(4)], ['abr', month(4)],
  ['may', month(5, true)], ['mai', month(5, true)], ['mayo', month(5)], ['maio', month(5)],
  ['june', month(6)], ['jun', month(6)], ['juin', month(6)], ['junio', month(6)], ['junho', month(6)],
  ['july', month(7)], ['jul', month(7)], ['juillet', month(7)], ['juil', month(7)], ['julio', month(7)], ['julho', month(7)],
  ['august', month(8)], ['aug', month(8)], ['aout', month(8)], ['agosto', month(8)], ['ago', month(8, true)],
  ['september', month(9)], ['sep', month(9)], ['sept', month(9, true), num(7)], ['septembre', month(9)], ['septiembre', month(9)], ['setiembre', month(9)], ['setembro', month(9)], ['set', month(9, true)],
  ['october', month(10)], ['oct', month(10)], ['octobre', month(10)], ['octubre', month(10)], ['outubro', month(10)], ['out', month(10, true)],
  ['november', month(11)], ['nov', month(11)], ['novembre', month(11)], ['noviembre', month(11)], ['novembro', month(11)], ['novmber', month(11)],
  ['december', month(12)], ['dec', month(12)], ['decembre', month(12)], ['decmber', month(12)], ['decemeber', month(12)], ['diciembre', month(12)], ['dic', month(12)], ['dezembro', month(12)], ['dez', month(12, true), num(10)],

  // Weekdays (0 = Sunday). Short forms that are also common words are weak.
  ['sunday', wd(0)], ['sun', wd(0, true)], ['dimanche', wd(0)], ['dim', wd(0, true)], ['domingo', wd(0)], ['dom', wd(0, true)],
  ['monday', wd(1)], ['mon', wd(1, true)], ['lundi', wd(1)], ['lun', wd(1, true)], ['lunes', wd(1)], ['segunda', wd(1)], ['segunda feira', wd(1)], ['seg', wd(1, true)],
  ['tuesday', wd(2)], ['tue', wd(2)], ['tues', wd(2)], ['mardi', wd(2)], ['martes', wd(2)], ['terca', wd(2)], ['terca feira', wd(2)], ['ter', wd(2, true)],
  ['wednesday', wd(3)], ['wed', wd(3)], ['weds', wd(3)], ['mercredi', wd(3)], ['mer', wd(3, true)], ['miercoles', wd(3)], ['quarta', wd(3)], ['quarta feira', wd(3)], ['qua', wd(3, true)],
  ['thursday', wd(4)], ['thu', wd(4)], ['thur', wd(4)], ['thurs', wd(4)], ['jeudi', wd(4)], ['jeu', wd(4, true)], ['jueves', wd(4)], ['quinta', wd(4)], ['quinta feira', wd(4)], ['qui', wd(4, true)],
  ['friday', wd(5)], ['fri', wd(5)], ['vendredi', wd(5)], ['ven', wd(5, true)], ['vend', wd(5, true)], ['viernes', wd(5)], ['sexta', wd(5)], ['sexta feira', wd(5)], ['sex', wd(5, true)],
  ['saturday', wd(6)], ['sat', wd(6, true)], ['samedi', wd(6)], ['sam', wd(6, true)], ['sabado', wd(6)], ['sab', wd(6, true)],

  // Relative days.
  ['today', { k: 'rel', days: 0 }], ['aujourd hui', { k: 'rel', days: 0 }], ['aujourdhui', { k: 'rel', days: 0 }], ['auj', { k: 'rel', days: 0 }], ['ajd', { k: 'rel', days: 0 }], ['hoy', { k: 'rel', days: 0 }], ['hoje', { k: 'rel', days: 0 }],
  ['tonight', { k: 'rel', days: 0, night: true }], ['tonite', { k: 'rel', days: 0, night: true }], ['2nite', { k: 'rel', days: 0, night: true }], ['2night', { k: 'rel', days: 0, night: true }],
  ['ce soir', { k: 'rel', days: 0, night: true }], ['cette nuit', { k: 'rel', days: 0, night: true }], ['esta noche', { k: 'rel', days: 0, night: true }], ['hoy por la noche', { k: 'rel', days: 0, night: true }],
  ['esta noite', { k: 'rel', days: 0, night: true }], ['hoje a noite', { k: 'rel', days: 0, night: true }], ['hoje de noite', { k: 'rel', days: 0, night: true }], ['hoje noite', { k: 'rel', days: 0, night: true }],
  ['tomorrow', { k: 'rel', days: 1 }], ['tmrw', { k: 'rel', days: 1 }], ['tmr', { k: 'rel', days: 1 }], ['tmw', { k: 'rel', days: 1 }], ['tomorow', { k: 'rel', days: 1 }], ['tommorow', { k: 'rel', days: 1 }], ['tommorrow', { k: 'rel', days: 1 }], ['2morrow', { k: 'rel', days: 1 }], ['2moro', { k: 'rel', days: 1 }],
  ['demain', { k: 'rel', days: 1 }], ['dmain', { k: 'rel', days: 1 }], ['2main', { k: 'rel', days: 1 }], ['manana', { k: 'rel', days: 1 }], ['amanha', { k: 'rel', days: 1 }],
  ['tomorrow night', { k: 'rel', days: 1, night: true }], ['tomorrow evening', { k: 'rel', days: 1, night: true }], ['tmrw night', { k: 'rel', days: 1, night: true }], ['tommorow night', { k: 'rel', days: 1, night: true }],
  ['demain soir', { k: 'rel', days: 1, night: true }], ['demain nuit', { k: 'rel', days: 1, night: true }],
  ['manana por la noche', { k: 'rel', days: 1, night: true }], ['manana en la noche', { k: 'rel', days: 1, night: true }], ['manana a la noche', { k: 'rel', days: 1, night: true }], ['manana noche', { k: 'rel', days: 1, night: true }],
  ['amanha a noite', { k: 'rel', days: 1, night: true }], ['amanha de noite', { k: 'rel', days: 1, night: true }], ['amanha noite', { k: 'rel', days: 1, night: true }],
  ['day after tomorrow', { k: 'rel', days: 2 }], ['the day after', { k: 'rel', days: 2 }], ['le lendemain', { k: 'rel', days: 2 }], ['el dia siguiente', { k: 'rel', days: 2 }], ['o dia seguinte', { k: 'rel', days: 2 }], ['apres demain', { k: 'rel', days: 2 }], ['apresdemain', { k: 'rel', days: 2 }], ['pasado manana', { k: 'rel', days: 2 }], ['depois de amanha', { k: 'rel', days: 2 }],
  // "por la mañana" is "in the morning", not "tomorrow".
  ['por la manana', { k: 'noise' }], ['de la manana', { k: 'noise' }], ['esta manana', { k: 'noise' }], ['en la manana', { k: 'noise' }],

  // Weekends.
  ['weekend', { k: 'weekend' }], ['week end', { k: 'weekend' }], ['wknd', { k: 'weekend' }], ['wkend', { k: 'weekend' }], ['wkd', { k: 'weekend' }], ['weekends', { k: 'weekend' }],
  ['fin de semana', { k: 'weekend' }], ['finde', { k: 'weekend' }], ['fim de semana', { k: 'weekend' }], ['fds', { k: 'weekend' }], ['findesemana', { k: 'weekend' }],

  // Holidays with a fixed date. "New Year" alone is the night of the 31st: that is the night guests book.
  ['christmas eve', { k: 'holiday', m: 12, d: 24 }], ['xmas eve', { k: 'holiday', m: 12, d: 24 }], ['veille de noel', { k: 'holiday', m: 12, d: 24 }], ['reveillon de noel', { k: 'holiday', m: 12, d: 24 }], ['soir de noel', { k: 'holiday', m: 12, d: 24 }],
  ['nochebuena', { k: 'holiday', m: 12, d: 24 }], ['noche buena', { k: 'holiday', m: 12, d: 24 }], ['vespera de natal', { k: 'holiday', m: 12, d: 24 }], ['noite de natal', { k: 'holiday', m: 12, d: 24 }], ['consoada', { k: 'holiday', m: 12, d: 24 }],
  ['christmas', { k: 'holiday', m: 12, d: 25 }], ['xmas', { k: 'holiday', m: 12, d: 25 }], ['christmas day', { k: 'holiday', m: 12, d: 25 }], ['noel', { k: 'holiday', m: 12, d: 25 }], ['jour de noel', { k: 'holiday', m: 12, d: 25 }],
  ['navidad', { k: 'holiday', m: 12, d: 25 }], ['dia de navidad', { k: 'holiday', m: 12, d: 25 }], ['natal', { k: 'holiday', m: 12, d: 25 }], ['dia de natal', { k: 'holiday', m: 12, d: 25 }],
  ['new year s eve', { k: 'holiday', m: 12, d: 31 }], ['new years eve', { k: 'holiday', m: 12, d: 31 }], ['new year eve', { k: 'holiday', m: 12, d: 31 }], ['nye', { k: 'holiday', m: 12, d: 31 }],
  ['new year', { k: 'holiday', m: 12, d: 31 }], ['new years', { k: 'holiday', m: 12, d: 31 }], ['new year s', { k: 'holiday', m: 12, d: 31 }],
  ['saint sylvestre', { k: 'holiday', m: 12, d: 31 }], ['st sylvestre', { k: 'holiday', m: 12, d: 31 }], ['nouvel an', { k: 'holiday', m: 12, d: 31 }], ['reveillon', { k: 'holiday', m: 12, d: 31 }],
  ['reveillon du nouvel an', { k: 'holiday', m: 12, d: 31 }], ['reveillon du jour de l an', { k: 'holiday', m: 12, d: 31 }], ['reveillon de la saint sylvestre', { k: 'holiday', m: 12, d: 31 }],
  ['nochevieja', { k: 'holiday', m: 12, d: 31 }], ['noche vieja', { k: 'holiday', m: 12, d: 31 }], ['fin de ano', { k: 'holiday', m: 12, d: 31 }], ['ano nuevo', { k: 'holiday', m: 12, d: 31 }],
  ['ano novo', { k: 'holiday', m: 12, d: 31 }], ['reveillon de ano novo', { k: 'holiday', m: 12, d: 31 }], ['vespera de ano novo', { k: 'holiday', m: 12, d: 31 }], ['passagem de ano', { k: 'holiday', m: 12, d: 31 }], ['fim de ano', { k: 'holiday', m: 12, d: 31 }],
  ['new year s day', { k: 'holiday', m: 1, d: 1 }], ['new years day', { k: 'holiday', m: 1, d: 1 }], ['jour de l an', { k: 'holiday', m: 1, d: 1 }], ['dia de ano nuevo', { k: 'holiday', m: 1, d: 1 }], ['dia de ano novo', { k: 'holiday', m: 1, d: 1 }],
  ['valentine s day', { k: 'holiday', m: 2, d: 14 }], ['valentines day', { k: 'holiday', m: 2, d: 14 }], ['valentine day', { k: 'holiday', m: 2, d: 14 }], ['valentine s', { k: 'holiday', m: 2, d: 14 }], ['valentines', { k: 'holiday', m: 2, d: 14 }], ['valentine', { k: 'holiday', m: 2, d: 14 }],
  ['saint valentin', { k: 'holiday', m: 2, d: 14 }], ['st valentin', { k: 'holiday', m: 2, d: 14 }], ['san valentin', { k: 'holiday', m: 2, d: 14 }], ['dia de san valentin', { k: 'holiday', m: 2, d: 14 }], ['dia de los enamorados', { k: 'holiday', m: 2, d: 14 }],
  ['sao valentim', { k: 'holiday', m: 2, d: 14 }], ['dia de sao valentim', { k: 'holiday', m: 2, d: 14 }], ['dia dos namorados', { k: 'holiday', m: 2, d: 14 }],
  ['easter', E(0)], ['paques', E(0)], ['pascua', E(0)], ['pascoa', E(0)], ['domingo de pascua', E(0)], ['domingo de pascoa', E(0)], ['easter sunday', E(0)], ['dimanche de paques', E(0)],
  ['good friday', E(-2)], ['vendredi saint', E(-2)], ['viernes santo', E(-2)], ['sexta feira santa', E(-2)],
  ['easter monday', E(1)], ['lundi de paques', E(1)], ['lunes de pascua', E(1)], ['segunda feira de pascoa', E(1)],
  ['ascension', E(39)], ['ascension day', E(39)], ['jeudi de l ascension', E(39)], ['dia de la ascension', E(39)], ['ascensao', E(39)], ['dia da ascensao', E(39)],
  ['pentecost', E(49)], ['whitsun', E(49)], ['whitsunday', E(49)], ['pentecote', E(49)], ['pentecostes', E(49)], ['whit monday', E(50)], ['lundi de pentecote', E(50)],
  ['mardi gras', E(-47)], ['shrove tuesday', E(-47)], ['carnaval', E(-47)], ['carnival', E(-47)], ['corpus christi', E(60)], ['fete dieu', E(60)],
  // Holidays on a weekday of a month (US), and fixed-date ones guests name.
  ['thanksgiving', { k: 'nthwd', m: 11, d: 4, n: 4 }], ['memorial day', { k: 'nthwd', m: 5, d: 1, n: -1 }], ['labor day', { k: 'nthwd', m: 9, d: 1, n: 1 }], ['labour day', { k: 'nthwd', m: 9, d: 1, n: 1 }],
  ['halloween', H(10, 31)], ['toussaint', H(11, 1)], ['all saints day', H(11, 1)], ['armistice', H(11, 11)], ['veterans day', H(11, 11)], ['assomption', H(8, 15)], ['bastille day', H(7, 14)], ['fete nationale', H(7, 14)],
  ['epiphanie', H(1, 6)], ['epiphany', H(1, 6)], ['dia de reyes', H(1, 6)], ['reyes magos', H(1, 6)], ['los reyes', H(1, 6)], ['dia de reis', H(1, 6)], ['boxing day', H(12, 26)], ['lendemain de noel', H(12, 26)],
  ['st patrick s day', H(3, 17)], ['saint patrick s day', H(3, 17)], ['st patricks day', H(3, 17)], ['st patrick', H(3, 17)], ['saint patrick', H(3, 17)], ['independence day', H(7, 4)],
  ['fete du travail', H(5, 1)], ['dia del trabajo', H(5, 1)], ['dia do trabalhador', H(5, 1)], ['dia de tiradentes', H(4, 21)], ['fete de la musique', H(6, 21)], ['dia de la hispanidad', H(10, 12)],

  // Lengths.
  ['night', NIGHT], ['nights', NIGHT], ['nite', NIGHT], ['nites', NIGHT], ['nts', NIGHT], ['nt', NIGHT], ['nght', NIGHT], ['nghts', NIGHT], ['overnight', NIGHT],
  ['nuit', NIGHT], ['nuits', NIGHT], ['nuitee', NIGHT], ['nuitees', NIGHT], ['nuites', NIGHT], ['nuites', NIGHT], ['nuis', NIGHT],
  ['noche', NIGHT], ['noches', NIGHT], ['nochse', NIGHT], ['noite', NIGHT], ['noites', NIGHT], ['diaria', NIGHT], ['diarias', NIGHT], ['pernoite', NIGHT], ['pernoites', NIGHT],
  ['week', WEEK], ['weeks', WEEK], ['wk', WEEK], ['wks', WEEK], ['semaine', WEEK], ['semaines', WEEK], ['sem', WEEK], ['semana', WEEK], ['semanas', WEEK],
  ['day', DAY], ['days', DAY], ['jour', DAY], ['jours', DAY], ['j', DAY], ['journee', DAY], ['journees', DAY], ['dia', DAY, { k: 'dayart' }], ['dias', DAY], ['jours', DAY],
  ['fortnight', { k: 'len', nights: 14 }], ['quinzaine', { k: 'len', nights: 14 }], ['quincena', { k: 'len', nights: 14 }], ['quinzena', { k: 'len', nights: 14 }],

  // Word numbers (counts for lengths and parties).
  ['one', num(1)], ['two', num(2)], ['three', num(3)], ['four', num(4)], ['five', num(5)], ['six', num(6)], ['seven', num(7)], ['eight', num(8)], ['nine', num(9)], ['ten', num(10)], ['fourteen', num(14)], ['fifteen', num(15)],
  ['un', num(1)], ['une', num(1)], ['deux', num(2)], ['trois', num(3)], ['quatre', num(4)], ['cinq', num(5)], ['huit', num(8)], ['neuf', num(9)], ['dix', num(10)], ['quinze', num(15)],
  ['uno', num(1)], ['una', num(1)], ['dos', num(2)], ['tres', num(3)], ['cuatro', num(4)], ['cinco', num(5)], ['seis', num(6)], ['siete', num(7)], ['ocho', num(8)], ['nueve', num(9)], ['diez', num(10)], ['quince', num(15)],
  ['um', num(1)], ['uma', num(1)], ['dois', num(2)], ['duas', num(2)], ['quatro', num(4)], ['sete', num(7)], ['oito', num(8)], ['nove', num(9)],
  ['an', num(1)], ['a', num(1), TO], ['couple of', num(2)],

  // Modifiers.
  ['next', { k: 'next' }], ['prochain', { k: 'next' }], ['prochaine', { k: 'next' }], ['proximo', { k: 'next' }], ['proxima', { k: 'next' }], ['que viene', { k: 'next' }], ['que vem', { k: 'next' }], ['siguiente', { k: 'next' }], ['seguinte', { k: 'next' }], ['nxt', { k: 'next' }],
  ['this', { k: 'this' }], ['this coming', { k: 'this' }], ['coming', { k: 'this' }], ['ce', { k: 'this' }], ['cette', { k: 'this' }], ['este', { k: 'this' }], ['esta', { k: 'this' }], ['esse', { k: 'this' }], ['essa', { k: 'this' }], ['estes', { k: 'this' }], ['neste', { k: 'this' }], ['nesta', { k: 'this' }], ['nesse', { k: 'this' }], ['nessa', { k: 'this' }], ['qui vient', { k: 'this' }],
  ['last', { k: 'past' }], ['dernier', { k: 'past' }], ['derniere', { k: 'past' }], ['pasado', { k: 'past' }], ['pasada', { k: 'past' }], ['passado', { k: 'past' }], ['passada', { k: 'past' }], ['ago', { k: 'past' }], ['yesterday', { k: 'past' }], ['hier', { k: 'past' }], ['ayer', { k: 'past' }], ['ontem', { k: 'past' }],
  ['next month', { k: 'nextmonth' }], ['of next month', { k: 'nextmonth' }], ['du mois prochain', { k: 'nextmonth' }], ['le mois prochain', { k: 'nextmonth' }], ['del mes que viene', { k: 'nextmonth' }], ['del proximo mes', { k: 'nextmonth' }], ['do proximo mes', { k: 'nextmonth' }], ['do mes que vem', { k: 'nextmonth' }],

  // Range words.
  ['from', { k: 'from' }], ['starting', { k: 'from' }], ['starting on', { k: 'from' }], ['starting from', { k: 'from' }], ['beginning', { k: 'from' }], ['frm', { k: 'from' }],
  ['du', { k: 'from' }, { k: 'of' }], ['des', { k: 'from' }], ['depuis', { k: 'from' }], ['a partir du', { k: 'from' }], ['a partir de', { k: 'from' }], ['a partir del', { k: 'from' }], ['a partir do', { k: 'from' }], ['a partir da', { k: 'from' }], ['apartir', { k: 'from' }],
  ['del', { k: 'from' }, { k: 'of' }], ['desde', { k: 'from' }], ['desde el', { k: 'from' }], ['do', { k: 'from' }, { k: 'of' }], ['da', { k: 'of' }], ['de', { k: 'from' }, { k: 'of' }], ['d', { k: 'of' }],
  ['to', TO], ['au', TO], ['al', TO], ['ao', TO], ['a la', TO], ['-', TO], ['>', TO], ['~', TO], ['thru', TO], ['through', TO], ['->', TO],
  ['until', TO_STRONG], ['till', TO_STRONG], ['til', TO_STRONG], ['untill', TO_STRONG], ['jusqu au', TO_STRONG], ['jusqu a', TO_STRONG], ['jusquau', TO_STRONG], ['jusqua', TO_STRONG], ['hasta', TO_STRONG], ['hasta el', TO_STRONG], ['ate', TO_STRONG], ['ate o', TO_STRONG], ['ate dia', TO_STRONG], ['ate ao', TO_STRONG],
  ['between', { k: 'between' }], ['entre', { k: 'between' }], ['btw', { k: 'between' }],
  ['and', { k: 'and' }], ['et', { k: 'and' }], ['y', { k: 'and' }], ['e', { k: 'and' }], ['&', { k: 'and' }], ['+', { k: 'and' }],
  ['arriving', { k: 'arrive' }], ['arrive', { k: 'arrive' }], ['arrival', { k: 'arrive' }], ['arrive on', { k: 'arrive' }], ['check in', { k: 'arrive' }], ['checkin', { k: 'arrive' }], ['check in on', { k: 'arrive' }], ['checking in', { k: 'arrive' }], ['coming in', { k: 'arrive' }], ['getting in', { k: 'arrive' }],
  ['arrivee', { k: 'arrive' }], ['arriver', { k: 'arrive' }], ['arrivons', { k: 'arrive' }], ['arriverons', { k: 'arrive' }], ['arriverais', { k: 'arrive' }], ['arriverai', { k: 'arrive' }], ['arrivera', { k: 'arrive' }],
  ['llegada', { k: 'arrive' }], ['llegamos', { k: 'arrive' }], ['llego', { k: 'arrive' }], ['llegaremos', { k: 'arrive' }], ['llegar', { k: 'arrive' }], ['entrada', { k: 'arrive' }],
  ['chegada', { k: 'arrive' }], ['chegamos', { k: 'arrive' }], ['chego', { k: 'arrive' }], ['chegaremos', { k: 'arrive' }], ['chegar', { k: 'arrive' }], ['check in dia', { k: 'arrive' }],
  ['leaving', { k: 'depart' }], ['leave', { k: 'depart' }], ['departing', { k: 'depart' }], ['departure', { k: 'depart' }], ['depart', { k: 'depart' }], ['check out', { k: 'depart' }], ['checkout', { k: 'depart' }], ['checking out', { k: 'depart' }],
  ['departs', { k: 'depart' }], ['partir', { k: 'depart' }], ['part', { k: 'depart' }], ['partira', { k: 'depart' }], ['partirai', { k: 'depart' }], ['pars', { k: 'depart' }], ['partons', { k: 'depart' }], ['partirons', { k: 'depart' }], ['repart', { k: 'depart' }], ['repartons', { k: 'depart' }], ['repartir', { k: 'depart' }], ['sortie', { k: 'depart' }],
  ['salida', { k: 'depart' }], ['salimos', { k: 'depart' }], ['salgo', { k: 'depart' }], ['saldremos', { k: 'depart' }], ['nos vamos', { k: 'depart' }], ['me voy', { k: 'depart' }],
  ['saida', { k: 'depart' }], ['saimos', { k: 'depart' }], ['saio', { k: 'depart' }], ['sair', { k: 'depart' }], ['partida', { k: 'depart' }], ['vamos embora', { k: 'depart' }],
  ['the', { k: 'dayart' }], ['le', { k: 'dayart' }], ['l', { k: 'dayart' }], ['el', { k: 'dayart' }], ['on', { k: 'dayart' }], ['on the', { k: 'dayart' }], ['no dia', { k: 'dayart' }], ['o dia', { k: 'dayart' }], ['dia', { k: 'dayart' }],
  ['of', { k: 'of' }], ['of the', { k: 'of' }],
  ['in', { k: 'in' }], ['dans', { k: 'in' }], ['en', { k: 'in' }], ['daqui a', { k: 'in' }], ['dentro de', { k: 'in' }], ['within', { k: 'in' }],
  ['soir', { k: 'nightword' }], ['evening', { k: 'nightword' }], ['por la noche', { k: 'nightword' }], ['a noite', { k: 'nightword' }], ['de noite', { k: 'nightword' }], ['a la noche', { k: 'nightword' }],
  ['for', { k: 'for' }], ['4', { k: 'for' }], ['pour', { k: 'for' }], ['pr', { k: 'for' }], ['pr', { k: 'for' }], ['para', { k: 'for' }], ['pra', { k: 'for' }], ['por', { k: 'for' }], ['pa', { k: 'for' }], ['p', { k: 'for' }],

  // Corrections inside one message: what follows replaces what came before.
  ['actually', { k: 'corr' }], ['sorry', { k: 'corr' }], ['i mean', { k: 'corr' }], ['i meant', { k: 'corr' }], ['rather', { k: 'corr' }], ['correction', { k: 'corr' }], ['oops', { k: 'corr' }], ['no wait', { k: 'corr' }], ['make it', { k: 'corr' }], ['instead', { k: 'corr' }], ['my bad', { k: 'corr' }],
  ['en fait', { k: 'corr' }], ['pardon', { k: 'corr' }], ['plutot', { k: 'corr' }], ['je veux dire', { k: 'corr' }], ['enfin', { k: 'corr' }], ['finalement', { k: 'corr' }], ['oups', { k: 'corr' }], ['euh non', { k: 'corr' }], ['non pardon', { k: 'corr' }],
  ['perdon', { k: 'corr' }], ['quiero decir', { k: 'corr' }], ['mejor dicho', { k: 'corr' }], ['en realidad', { k: 'corr' }], ['perdona', { k: 'corr' }], ['mejor', { k: 'corr' }],
  // Changing a booking: the dates after the verb are the new ones ("my booking is 12-15, can I move it to 13-16?").
  ['move', { k: 'corr' }], ['move it to', { k: 'corr' }], ['change it to', { k: 'corr' }], ['push it to', { k: 'corr' }], ['decaler', { k: 'corr' }], ['deplacer', { k: 'corr' }], ['reporter', { k: 'corr' }], ['cambiarla', { k: 'corr' }], ['moverla', { k: 'corr' }], ['mudar', { k: 'corr' }], ['alterar', { k: 'corr' }], ['mudar para', { k: 'corr' }],
  ['na verdade', { k: 'corr' }], ['desculpa', { k: 'corr' }], ['desculpe', { k: 'corr' }], ['quer dizer', { k: 'corr' }], ['alias', { k: 'corr' }], ['ou melhor', { k: 'corr' }], ['melhor', { k: 'corr' }],
];

export interface Phrase {
  readonly words: readonly string[];
  readonly anns: readonly Ann[];
}

/** Phrases indexed by their first word, longest first, so a lookup tries few candidates. */
const BY_FIRST = new Map<string, Phrase[]>();
{
  const merged = new Map<string, Ann[]>();
  for (const [phrase, ...anns] of ENTRIES) {
    const list = merged.get(phrase);
    if (list) list.push(...anns);
    else merged.set(phrase, [...anns]);
  }
  for (const [phrase, anns] of merged) {
    const words = phrase.split(' ');
    const first = words[0]!;
    const list = BY_FIRST.get(first) ?? [];
    list.push({ words, anns });
    BY_FIRST.set(first, list);
  }
  for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);
}

/** The longest phrase starting at `words[i]`, or undefined. */
export function lookupPhrase(words: readonly string[], i: number): Phrase | undefined {
  const candidates = BY_FIRST.get(words[i]!);
  if (candidates === undefined) return undefined;
  for (const p of candidates) {
    if (i + p.words.length > words.length) continue;
    let ok = true;
    for (let j = 1; j < p.words.length; j++) {
      if (words[i + j] !== p.words[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return p;
  }
  return undefined;
}

/** Full month names by language, for typo tolerance ("decmeber", "setember", "feburary"). */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'janvier', 'enero', 'janeiro'],
  ['february', 'fevrier', 'febrero', 'fevereiro'],
  ['march', 'mars', 'marzo', 'marco'],
  ['april', 'avril', 'abril'],
  ['mayo', 'maio'],
  ['june', 'juin', 'junio', 'junho'],
  ['july', 'juillet', 'julio', 'julho'],
  ['august', 'aout', 'agosto'],
  ['september', 'septembre', 'septiembre', 'setembro'],
  ['october', 'octobre', 'octubre', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'decembre', 'diciembre', 'dezembro'],
];
const BY_PREFIX = new Map<string, { name: string; m: number }[]>();
MONTH_NAMES.forEach((names, i) => {
  for (const name of names) {
    for (const p of [name.slice(0, 2), `${name[0]}${name[2]}`]) {
      const list = BY_PREFIX.get(p) ?? [];
      list.push({ name, m: i + 1 });
      BY_PREFIX.set(p, list);
    }
  }
});

/** Edit distance with transpositions, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Real words one edit from a month: "room avail 24th-26th" is no April ("avril"). */
const NOT_MONTHS = new Set(['avail', 'junto', 'junta', 'juntos', 'mayor', 'julia', 'marca', 'marcha', 'marche', 'junior', 'entero', 'marcos']);

/**
 * A misspelt month ("decmeber", "setember", "novmber"): one edit away (two for long names),
 * same first letter. Weak, like "mar" or "may": it only counts next to a day number.
 */
export function fuzzyMonth(word: string): Ann | undefined {
  if (word.length < 5 || word.length > 11 || NOT_MONTHS.has(word)) return undefined;
  const candidates = [...(BY_PREFIX.get(word.slice(0, 2)) ?? []), ...(BY_PREFIX.get(`${word[0]}${word[2]}`) ?? [])];
  for (const c of candidates) {
    const max = c.name.length >= 8 ? 2 : 1;
    if (distance(word, c.name, max) <= max) return { k: 'month', m: c.m, weak: true };
  }
  return undefined;
}
