/** No 0/O or 1/I, so a guest can read a reference aloud and type it back. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 6;

/**
 * `randomInt(n)` returns an integer in [0, n); injected so the domain stays free of I/O.
 * A reference always mixes letters and digits, so that in a guest's sentence it can never be
 * mistaken for a word ("CANCEL") nor for a number.
 */
export function newReference(randomInt: (n: number) => number): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < REFERENCE_LENGTH; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
    if (/\d/.test(out) && /[A-Z]/.test(out)) return out;
  }
}

/** Upper-cases and maps the look-alikes guests type (O→0 is not in the alphabet, so O stays a typo). */
export function normalizeReference(input: string): string | null {
  const cleaned = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== REFERENCE_LENGTH) return null;
  for (const ch of cleaned) if (!REFERENCE_ALPHABET.includes(ch)) return null;
  return cleaned;
}
