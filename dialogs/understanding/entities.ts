/**
 * Entities read from the raw text: email, phone, booking reference, unit type. Email, phone
 * and reference are also blanked out of the text before dates and party are read, so
 * "+33 6 12 34 56 78" or "AB3DE5" never feed a day number or a head count.
 */
import { REFERENCE_ALPHABET, REFERENCE_LENGTH } from '../../domain/bookings/reference';
import type { Locale } from '../../domain/catalog/locales';
import { fold, spaced } from './text';

export interface Entities {
  email: string | null;
  phone: string | null;
  reference: string | null;
}

// Starts only where a run of address characters starts: a long run without "@" is read once.
const EMAIL_RE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// A run of digits with the separators people type; the digit count is checked after.
const PHONE_RE = /(?:\+|\b00)?\(?\d[\d\s().-]{6,}\d/g;
const REFERENCE_CONTEXT = / (?:ref|refs|reference|booking|reservation|resa|reserva|code|confirmation|number|numero|no|n|num|localizador|codigo) /;

function isReference(candidate: string): boolean {
  if (candidate.length !== REFERENCE_LENGTH) return false;
  let digit = false;
  let letter = false;
  for (const ch of candidate) {
    if (!REFERENCE_ALPHABET.includes(ch)) return false;
    if (ch >= '0' && ch <= '9') digit = true;
    else letter = true;
  }
  return digit && letter;
}

/** E.164 when the country can be told from the number or the guest's language. */
export function toE164(raw: string, locale: Locale): string | null {
  const plus = raw.trim().startsWith('+');
  let digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return null;
  if (plus) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  switch (locale) {
    case 'fr':
      if (digits.length === 10 && digits.startsWith('0')) return `+33${digits.slice(1)}`;
      break;
    case 'es':
      if (digits.length === 9 && /^[6-9]/.test(digits)) return `+34${digits}`;
      break;
    case 'pt':
      if (digits.length === 9 && /^[29]/.test(digits)) return `+351${digits}`;
      if ((digits.length === 10 || digits.length === 11) && !digits.startsWith('0')) return `+55${digits}`;
      break;
    case 'en':
      if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
      if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
      if (digits.length === 11 && digits.startsWith('07')) return `+44${digits.slice(1)}`;
      break;
  }
  digits = digits.replace(/^0+/, '');
  return digits.length >= 8 ? digits : null;
}

export interface EntityScan {
  entities: Entities;
  /** The text with the entities blanked out (same length, so offsets still match). */
  rest: string;
}

const blank = (s: string): string => ' '.repeat(s.length);

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const ALNUM_RUN = /[A-Za-z0-9]+/g;

/** Reference candidates: 6-character words, or two 3-character words joined by "-" or a space ("ABC-234"). */
function referenceCandidates(text: string): { joined: string; start: number; end: number; spaced: boolean }[] {
  const runs: { s: string; start: number; end: number }[] = [];
  ALNUM_RUN.lastIndex = 0;
  for (let m = ALNUM_RUN.exec(text); m !== null; m = ALNUM_RUN.exec(text)) runs.push({ s: m[0], start: m.index, end: m.index + m[0].length });
  const out: { joined: string; start: number; end: number; spaced: boolean }[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const before = r.start > 0 ? text[r.start - 1]! : ' ';
    if (before === '@' || before === '.') continue;
    if (r.s.length === 6) out.push({ joined: r.s, start: r.start, end: r.end, spaced: false });
    const n = runs[i + 1];
    if (r.s.length === 3 && n !== undefined && n.s.length === 3 && n.start === r.end + 1 && (text[r.end] === '-' || text[r.end] === ' ')) {
      out.push({ joined: r.s + n.s, start: r.start, end: n.end, spaced: text[r.end] === ' ' });
    }
  }
  return out;
}

/**
 * Email, phone and reference. A phone needs 9+ digits and no slash (dates like "12/12/2026"
 * have slashes; "2026-12-12" has 8 digits). A reference is 6 characters of the reference
 * alphabet with a digit and a letter; lower case only counts after a word like "ref" or
 * "réservation", so "2adlts" stays a party.
 */
export function scanEntities(text: string, locale: Locale): EntityScan {
  let rest = text;
  let email: string | null = null;
  const em = rest.includes('@') ? EMAIL_RE.exec(rest) : null;
  if (em !== null) {
    email = em[0].toLowerCase().replace(/\.$/, '');
    rest = rest.slice(0, em.index) + blank(em[0]) + rest.slice(em.index + em[0].length);
  }

  let phone: string | null = null;
  PHONE_RE.lastIndex = 0;
  for (let m = countDigits(rest) >= 9 ? PHONE_RE.exec(rest) : null; m !== null; m = PHONE_RE.exec(rest)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15) continue;
    // "12.12.2026" or "12-15.12" style dates: a phone has at most one kind of separator run.
    if (/^\d{1,2}[.-]\d{1,2}[.-]\d{2,4}$/.test(m[0].trim())) continue;
    const e164 = toE164(m[0], locale);
    if (e164 === null) continue;
    phone = e164;
    rest = rest.slice(0, m.index) + blank(m[0]) + rest.slice(m.index + m[0].length);
    break;
  }

  let reference: string | null = null;
  let context: boolean | null = null;
  for (const c of referenceCandidates(rest)) {
    const upper = c.joined.toUpperCase();
    if (!isReference(upper)) continue;
    const typedUpper = c.joined === upper;
    // "ABC 234" split by a space only counts in capitals; lower case needs a "ref" nearby.
    if (!typedUpper && (c.spaced || !(context ??= REFERENCE_CONTEXT.test(spaced(fold(rest)))))) continue;
    reference = upper;
    rest = rest.slice(0, c.start) + blank(rest.slice(c.start, c.end)) + rest.slice(c.end);
    break;
  }
  return { entities: { email, phone, reference }, rest };
}

/** The unit type the guest names, accent- and case-insensitively; the longest name wins. */
export function findUnitType(spacedFolded: string, unitTypes: readonly { id: string; names: readonly string[] }[] | undefined): string | null {
  if (unitTypes === undefined) return null;
  let best: { id: string; len: number } | null = null;
  for (const ut of unitTypes) {
    for (const name of ut.names) {
      const n = spaced(fold(name)).trim();
      if (n === '') continue;
      if (spacedFolded.includes(` ${n} `) || spacedFolded.includes(` ${n}s `)) {
        if (best === null || n.length > best.len) best = { id: ut.id, len: n.length };
      }
    }
  }
  return best?.id ?? null;
}
