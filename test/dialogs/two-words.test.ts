/** The main dialog lets a message change the conversation's language only when it has two words to judge by. */
import { hasTwoWords } from '../../dialogs/main/main-dialog';

describe('hasTwoWords', () => {
  it('tells a sentence from a short reply', () => {
    for (const text of ['hello there', 'Bonjour, je voudrais', 'é à ça va', 'ok\nmerci', '12 dec au 15 déc']) expect([text, hasTwoWords(text)]).toEqual([text, true]);
    for (const text of ['', 'ok', '2', '12-15/12', 'a b c', 'ok 2', '  merci  ', '😀 😀']) expect([text, hasTwoWords(text)]).toEqual([text, false]);
  });

  it('answers at once on the long words that made its old regular expression backtrack for seconds', () => {
    expect(hasTwoWords('a'.repeat(100_000))).toBe(false);
    expect(hasTwoWords('é'.repeat(100_000))).toBe(false);
    expect(hasTwoWords(`${'a'.repeat(100_000)} ${'b'.repeat(100_000)}`)).toBe(true);
    expect(hasTwoWords(`${'a'.repeat(100_000)} x`)).toBe(false);
  });
});
