/**
 * A message longer than MAX_MESSAGE_LENGTH is not read at all: the guest is asked, in the
 * conversation's language, for a shorter one, and the conversation stays where it was.
 */
import type { UnderstandOptions } from '../../dialogs/understanding/types';
import { MAX_MESSAGE_LENGTH } from '../../dialogs/understanding/limits';
import { Guest, texts, world, type World } from './harness';

const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Every text handed to understanding, in order. */
function recordUnderstanding(w: World): string[] {
  const seen: string[] = [];
  const understand = w.services.understand;
  w.services.understand = (text: string, options: UnderstandOptions) => {
    seen.push(text);
    return understand(text, options);
  };
  return seen;
}

const TOO_LONG_EN = 'Sorry, that message is too long for me to read (more than 2,000 characters). Could you send a shorter one?';
const TOO_LONG_FR = 'Désolé, ce message est trop long pour que je le lise (plus de 2\u202f000 caractères). Pourriez-vous m’en envoyer un plus court ?';

describe('a message over the length cap', () => {
  it('is not read: the guest is asked for a shorter one, and the step in progress still waits for its answer', async () => {
    const w = await world();
    const read = recordUnderstanding(w);
    const guest = new Guest(w);
    expect(texts(await guest.says('I would like to book a room'))).toContain('When would you like to arrive?');
    // Everything the fast extractor and Recognizers would act on: dates, a party, a command, another language.
    const long = `${fill('From December 12 to 15 for 2 adults, cancel, en français svp, the first week of August. ', MAX_MESSAGE_LENGTH)}x`;
    const replies = await guest.says(long);
    expect(replies.map((r) => r.text)).toEqual([TOO_LONG_EN]);
    expect(read.some((text) => text.length > MAX_MESSAGE_LENGTH)).toBe(false);
    // Nothing moved: no dates taken, no language switched, no misunderstanding counted.
    expect(texts(await guest.says(fill('é', MAX_MESSAGE_LENGTH + 1)))).toBe(TOO_LONG_EN);
    const blue = texts(await guest.says('blue'));
    expect(blue).toContain("Sorry, I didn't quite understand that.");
    expect(blue).not.toContain('someone from the team');
    expect(texts(await guest.says('December 12'))).toContain('Arriving');
  });

  it('is answered in the conversation’s language, whatever the long text is written in', async () => {
    const w = await world();
    const guest = new Guest(w);
    expect(texts(await guest.says('Bonjour, je voudrais réserver une chambre'))).toContain('À quelle date souhaitez-vous arriver ?');
    for (const unit of ['Hello, I would like a room please ', '😀', '1234567890 ', 'éèàçù ']) {
      expect(texts(await guest.says(fill(unit, 100 * 1024)))).toBe(TOO_LONG_FR);
    }
    expect(texts(await guest.says('le 12 décembre'))).toContain('combien de nuits');
  });

  it('is read in full at the cap itself', async () => {
    const w = await world();
    const read = recordUnderstanding(w);
    const guest = new Guest(w);
    const atCap = `Do you have a room from December 12 to 15 for 2 adults?${' '.repeat(10)}${fill(' please', MAX_MESSAGE_LENGTH - 65)}`;
    expect(atCap.length).toBe(MAX_MESSAGE_LENGTH);
    expect(texts(await guest.says(atCap))).toContain('Here is what we have from Sat 12 Dec to Tue 15 Dec (3 nights), for 2 adults');
    expect(read).toEqual([atCap]);
  });
});
