/** Validation of what a guest types for their contact details: lenient in form, strict in substance. */

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}$/;

export function readName(text: string): string | null {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 80) return null;
  if (/[\d@#_=+*<>{}[\]|\\/]/.test(name)) return null;
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 ? name : null;
}

export function readEmail(text: string, extracted: string | null): string | null {
  const candidate = (extracted ?? text).trim().replace(/^mailto:/i, '').replace(/(?<![!,.;?])[!,.;?]+$/, '');
  return EMAIL.test(candidate) ? candidate.toLowerCase() : null;
}

/** Country calling codes of the countries our properties are in, for numbers typed in national form. */
const CALLING_CODES: Record<string, string> = { FR: '33', BE: '32', CH: '41', ES: '34', PT: '351', IT: '39', DE: '49', GB: '44', IE: '353', NL: '31', LU: '352', US: '1', CA: '1' };

/** Returns E.164 ("+33612345678"), reading "06 12 34 56 78" in the property's country. */
export function readPhone(text: string, extracted: string | null, country: string): string | null {
  // The typed text read in the property's country beats an extraction that had to guess it.
  return phoneIn(text, country) ?? (extracted?.startsWith('+') ? phoneIn(extracted, country) : null);
}

function phoneIn(text: string, country: string): string | null {
  const raw = text.trim();
  if (/[a-z]/i.test(raw.replace(/^tel:/i, ''))) return null;
  let digits = raw.replace(/^tel:/i, '').replace(/[\s.\-()/]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (!digits.startsWith('+')) {
    const code = CALLING_CODES[country];
    if (!code || !digits.startsWith('0')) return null;
    digits = `+${code}${digits.slice(1)}`;
  }
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : null;
}
