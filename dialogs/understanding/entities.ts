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

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// A run of digits with the separators people type; the digit count is checked after.
const PHONE_RE = /(?:\+|\b00)?\(?\d[\d\s().-]{6,}\d/g;
const REF_CANDIDATE_RE = /(?<![A-Za-z0-9@.])([A-Za-z0-9]{3})[- ]?([A-Za-z0-9]{3})(?![A-Za-z0-9@])/g;
const REFERENCE_CONTEXT = / (ref|refs|reference|booking|reservation|resa|reserva|code|confirmation|number|numero|no|n|num|localizador|codigo) /;

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
      if (digits.length === 9 && /^[6789]/.test(digits)) return `+34${digits}`;
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

/**
 * Email, phone and reference. A phone needs 9+ digits and no slash (dates like "12/12/2026"
 * have slashes; "2026-12-12" has 8 digits). A reference is 6 characters of the reference
 * alphabet with a digit and a letter; lower case only counts after a word like "ref" or
 * "réservation", so "2adlts" stays a party.
 */
export function scanEntities(text: string, locale: Locale): EntityScan {
  let rest = text;
  let email: string | null = null;
  const em = EMAIL_RE.exec(rest);
  if (em !== null) {
    email = em[0].toLowerCase().replace(/\.$/, '');
    rest = rest.slice(0, em.index) + blank(em[0]) + rest.slice(em.index + em[0].length);
  }

  let phone: string | null = null;
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(rest); m !== null; m = PHONE_RE.exec(rest)) {
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
  const context = REFERENCE_CONTEXT.test(spaced(fold(rest)));
  REF_CANDIDATE_RE.lastIndex = 0;
  for (let m = REF_CANDIDATE_RE.exec(rest); m !== null; m = REF_CANDIDATE_RE.exec(rest)) {
    const joined = m[1]! + m[2]!;
    const upper = joined.toUpperCase();
    if (!isReference(upper)) continue;
    const typedUpper = joined === upper;
    const spacedOut = m[0].length !== joined.length;
    // "ABC 234" split by a space only counts in capitals; lower case needs a "ref" nearby.
    if (!typedUpper && !context) continue;
    if (spacedOut && !typedUpper) continue;
    reference = upper;
    rest = rest.slice(0, m.index) + blank(m[0]) + rest.slice(m.index + m[0].length);
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
