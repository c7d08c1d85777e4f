import { readEmail, readName, readPhone } from '../../dialogs/booking/contact';

describe('contact details', () => {
  it.each([
    ['Camille Martin', 'Camille Martin'],
    ['  José   María  Núñez ', 'José María Núñez'],
    ["Seán O'Brien-Smith", "Seán O'Brien-Smith"],
    ['x', null],
    ['camille@example.org', null],
    ['12345', null],
  ])('name %p → %p', (input, expected) => expect(readName(input)).toBe(expected));

  it.each([
    ['Camille@Example.org', null, 'camille@example.org'],
    ['my email is camille@example.org', 'camille@example.org', 'camille@example.org'],
    ['camille@example', null, null],
    ['camille.martin@@exemple.fr', null, null],
    ['mailto:a.b@c.fr.', null, 'a.b@c.fr'],
  ])('email %p (extracted %p) → %p', (text, extracted, expected) => expect(readEmail(text, extracted)).toBe(expected));

  it.each([
    ['06 12 34 56 78', null, 'FR', '+33612345678'],
    ['+44 20 7946 0000', null, 'FR', '+442079460000'],
    ['0044 20 7946 0000', null, 'FR', '+442079460000'],
    ['(0)6.12.34.56.78', null, 'FR', '+33612345678'],
    ['612 345 678', '+34612345678', 'ES', '+34612345678'],
    ['call me', null, 'FR', null],
    ['06 12', null, 'FR', null],
  ])('phone %p (extracted %p) in %s → %p', (text, extracted, country, expected) => expect(readPhone(text, extracted, country)).toBe(expected));
});
