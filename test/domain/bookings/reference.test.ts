import fc from 'fast-check';
import { newReference, normalizeReference, REFERENCE_ALPHABET } from '../../../domain/bookings/reference';

describe('booking references', () => {
  it('are 6 characters without 0/O/1/I, always mixing letters and digits', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (draws) => {
        let i = 0;
        const ref = newReference((n) => (draws[i++ % draws.length] ?? 0) % n);
        expect(ref).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
        expect(ref).toMatch(/\d/);
        expect(ref).toMatch(/[A-Z]/);
      }),
    );
  });

  it('draws again rather than hand out an all-letter reference', () => {
    const letters = [REFERENCE_ALPHABET.indexOf('K')];
    const sequence = [...Array(6).fill(letters[0]), 0, 8, 8, 8, 8, 8];
    let i = 0;
    expect(newReference(() => sequence[i++] ?? 0)).toBe('2AAAAA');
  });

  it('reads back what guests type', () => {
    expect(normalizeReference(' k7m-2qx ')).toBe('K7M2QX');
    expect(normalizeReference('K7M2Q0')).toBeNull();
    expect(normalizeReference('K7M2Q')).toBeNull();
  });
});
