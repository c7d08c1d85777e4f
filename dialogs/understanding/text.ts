/**
 * Folding and tokenizing. Everything downstream matches folded text, so "Décembre",
 * "decembre" and "DECEMBRE" are one word, and typing without accents (SMS, foreign
 * keyboards) costs nothing. Plain loops and one regex: this runs on every message.
 */

export interface Token {
  /** Folded text: lower case, no diacritics. Digits stay digits. */
  readonly t: string;
  /** Numeric value when the token is a run of digits (possibly with an ordinal suffix). */
  readonly n: number | null;
  /** Digits count of a numeric token ("2026" → 4), 0 otherwise. */
  readonly digits: number;
  /** "1st", "1er", "2nd", "14th", "1º": said as a day of the month, not a count. */
  readonly ordinal: boolean;
  /** Offset in the folded string, to tell "12/12" (adjacent) from "12 / 12". */
  readonly start: number;
  readonly end: number;
}

const COMBINING = /[\u0300-\u036f]/g;

/** Day and month names (folded): "friday-sunday" or "dec-jan" keep their hyphen as a range. */
const DATE_NAMES =
  'mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|lun|lundi|mar|mardi|mer|mercredi|jeu|jeudi|ven|vendredi|sam|samedi|dim|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta|' +
  'jan|january|janv|janvier|enero|janeiro|feb|february|fev|fevrier|febrero|fevereiro|march|mars|marzo|marco|apr|april|avr|avril|abril|may|mai|mayo|maio|jun|june|juin|junio|junho|jul|july|juil|juillet|julio|julho|aug|august|aout|agosto|sep|sept|september|septembre|septiembre|setembro|oct|october|octobre|octubre|outubro|nov|november|novembre|noviembre|novembro|dec|december|decembre|diciembre|dezembro';
const DATE_NAME_SET = new Set(DATE_NAMES.split('|'));
// From the start of a word only, so a long word without a hyphen is read once.
const HYPHENATED = /(?<![a-z])([a-z]+)-(?=([a-z]+))/g;

/** SMS spellings that glue digits to words ("2moro", "2nite", "2main"). */
const SMS_WORDS: [RegExp, string][] = [
  [/\b2(?:moro|morrow|morow|mrw|mrrw)\b/g, 'tomorrow'],
  [/\b2(?:nite|night|nyt)\b/g, 'tonight'],
  [/\b2main\b/g, 'demain'],
  [/\b2day\b/g, 'today'],
];

/** Accented letters and typographic marks guests type, folded; anything else non-ASCII goes through NFD. */
const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '´': "'", '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\u2192': ' > ',
  'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'º': 'º', 'ª': 'ª', '°': '°',
};
for (const [plain, accented] of Object.entries({
  a: 'àáâãäåā', c: 'çćč', e: 'èéêëēėę', i: 'ìíîïī', n: 'ñń', o: 'òóôõöøō', u: 'ùúûüū', y: 'ýÿ', s: 'śš', z: 'źżž', l: 'ł', d: 'ð',
})) {
  for (const ch of accented) FOLDS[ch] = plain;
}
const NON_ASCII = /[^\0-\x7f]/g;

function foldChar(ch: string): string {
  const f = FOLDS[ch];
  if (f !== undefined) return f;
  return ch.normalize('NFD').replace(COMBINING, '');
}

/** Lower case, strip accents, unify apostrophes and dashes, spell out ligatures. */
export function fold(text: string): string {
  let s = text.toLowerCase().replace(NON_ASCII, foldChar);
  if (s.includes('`')) s = s.replace(/`/g, "'");
  if (s.includes('>')) s = s.replace(/->|=>/g, ' > ');
  if (s.includes('-')) {
    // "friday-sunday" stays a range; "week-end", "check-in", "sexta-feira", "après-demain" are phrases.
    s = s.replace(HYPHENATED, (_m, left: string, right: string) => (DATE_NAME_SET.has(left) && DATE_NAME_SET.has(right) ? `${left} - ` : `${left} `));
  }
  if (s.includes('2')) for (const [re, word] of SMS_WORDS) s = s.replace(re, word);
  return s;
}

/** Suffixes that make a number an ordinal day: 1st 2nd 3rd 4th, 1er 1re 2eme 2e, 1º 1ª 1°. */
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 'er', 're', 'eme', 'e', 'º', 'ª', '°']);
const ORDINAL_SYMBOLS = new Set(['º', 'ª', '°']);

const TOKEN_RE = /\d+|[a-z]+|[^\s\da-z]/g;

/**
 * Splits folded text into words, numbers and single punctuation marks. Letters glued to a
 * number are split off ("12dec" → 12, dec; "2pax" → 2, pax) unless they are an ordinal
 * suffix, which is kept on the number ("12th", "1er"). Apostrophes split words ("jusqu'au"
 * → jusqu, au) and are dropped.
 */
export function tokenize(folded: string): Token[] {
  const raw: { t: string; start: number; end: number }[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(folded); m !== null; m = TOKEN_RE.exec(folded)) {
    if (m[0] === "'") continue;
    raw.push({ t: m[0], start: m.index, end: m.index + m[0].length });
  }
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const cur = raw[i]!;
    const isDigits = cur.t.charCodeAt(0) >= 48 && cur.t.charCodeAt(0) <= 57;
    if (!isDigits) {
      out.push({ t: cur.t, n: null, digits: 0, ordinal: false, start: cur.start, end: cur.end });
      continue;
    }
    const next = raw[i + 1];
    const afterNext = raw[i + 2];
    let ordinal = false;
    let end = cur.end;
    // "1o de dezembro", "1a semana": Portuguese and Spanish ordinals typed without the º.
    const iberian = (next?.t === 'o' || next?.t === 'a') && afterNext?.t === 'de';
    if (next !== undefined && next.start === cur.end && cur.t.length <= 2 && (ORDINAL_SUFFIXES.has(next.t) || iberian)) {
      // A letter suffix must end the word: "1er" is an ordinal, "1erreur" is not.
      const endsWord = ORDINAL_SYMBOLS.has(next.t) || afterNext === undefined || afterNext.start !== next.end || !/^[a-z]/.test(afterNext.t);
      if (endsWord) {
        ordinal = true;
        end = next.end;
        i++;
      }
    }
    out.push({ t: cur.t, n: Number(cur.t), digits: cur.t.length, ordinal, start: cur.start, end });
  }
  return out;
}

/** Folded text with single spaces around words, for phrase regexes (`\b` is unreliable after folding). */
export function spaced(folded: string): string {
  return ` ${folded.replace(/[^a-z0-9@.+#]+/g, ' ').trim()} `;
}
