import { understand } from '../../../dialogs/understanding/understand';

const opts = { now: new Date('2026-11-21T10:00:00Z'), timeZone: 'Europe/Paris' };

describe('"the two of us" in every language is 2 adults', () => {
  it.each([
    ['du 28 au 3 pour nous deux', 'fr'],
    ['on vient tous les deux', 'fr'],
    ['habitación para nosotros dos', 'es'],
    ['quarto para nós dois', 'pt'],
    ['a room for both of us', 'en'],
  ])('%p', (text) => {
    expect(understand(text, opts).party).toEqual({ adults: 2, children: null });
  });
});
