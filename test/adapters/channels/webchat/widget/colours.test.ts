import fc from 'fast-check';
import { brandColours, contrast, DEFAULT_BRAND, parseHex } from '../../../../../adapters/channels/webchat/widget/browser/colours';

describe('brand colour', () => {
  it('puts white on dark brands and black on light ones', () => {
    expect(brandColours('#6b2737').onBrand).toBe('#ffffff');
    expect(brandColours('#ffd400').onBrand).toBe('#000000');
  });

  it('accepts only hex colours, so the value is safe in a stylesheet', () => {
    expect(parseHex('#ABC')).toBe('#aabbcc');
    expect(parseHex('red;}body{display:none')).toBeNull();
    expect(brandColours('url(x)').brand).toBe(DEFAULT_BRAND);
  });

  it('keeps text on any brand colour at WCAG AA (4.5:1) and button outlines at 3:1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const { brand, onBrand, line } = brandColours(`#${n.toString(16).padStart(6, '0')}`);
        return contrast(brand, onBrand) >= 4.5 && contrast(line, '#ffffff') >= 3;
      }),
      { numRuns: 2000 },
    );
  });
});
