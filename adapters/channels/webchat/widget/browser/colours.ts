/**
 * The hotel's brand colour, and the text colour that stays readable on it: white or
 * black, whichever contrasts more (WCAG 2 relative luminance).
 */
export const DEFAULT_BRAND = '#1f5f8b';
// Pure black: with any darker-than-white grey some mid colours would fall under 4.5:1 with both.
const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/** `#rgb` or `#rrggbb` only, so the value can go into a stylesheet as is. */
export function parseHex(value: string | undefined): string | null {
  const v = (value ?? '').trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  return null;
}

export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `line` outlines buttons on white: the brand when it keeps the 3:1 of WCAG 1.4.11, else grey. */
export function brandColours(requested: string | undefined): { brand: string; onBrand: string; line: string } {
  const brand = parseHex(requested) ?? DEFAULT_BRAND;
  const onBrand = contrast(brand, LIGHT_TEXT) >= contrast(brand, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
  const line = contrast(brand, LIGHT_TEXT) >= 3 ? brand : '#5c6166';
  return { brand, onBrand, line };
}
