import { emptyUnderstanding } from '../../dialogs/turn';
import { EMPTY_SLOTS, mergeSlots, missingSlot } from '../../dialogs/search/stay-slots';
import { readChoice, type ShownOffer } from '../../dialogs/search/choice';
import type { Understanding } from '../../dialogs/understanding/types';

const u = (over: Partial<Understanding> = {}): Understanding => ({ ...emptyUnderstanding('en'), ...over });

describe('slot filling', () => {
  it('reads a lone date as the departure when the departure was asked for', () => {
    const slots = { ...EMPTY_SLOTS, checkIn: '2027-03-12' };
    expect(mergeSlots(slots, u({ stay: { checkIn: '2027-03-15', checkOut: null } }), 'checkOut', 'the 15th')).toMatchObject({ checkIn: '2027-03-12', checkOut: '2027-03-15', nights: 3 });
  });

  it('keeps the length of stay when the arrival is corrected', () => {
    const slots = { ...EMPTY_SLOTS, checkIn: '2027-03-12', checkOut: '2027-03-15', nights: 3 };
    expect(mergeSlots(slots, u({ stay: { checkIn: '2027-03-14', checkOut: null } }), 'party', 'actually the 14th')).toMatchObject({ checkIn: '2027-03-14', checkOut: '2027-03-17' });
  });

  it('reads a bare number by the question asked', () => {
    const slots = { ...EMPTY_SLOTS, checkIn: '2027-03-12' };
    expect(mergeSlots(slots, u(), 'checkOut', '4')).toMatchObject({ checkOut: '2027-03-16', nights: 4 });
    expect(mergeSlots({ ...slots, checkOut: '2027-03-16' }, u(), 'party', '3')).toMatchObject({ adults: 3, children: 0 });
    expect(mergeSlots(slots, u(), 'checkIn', '3')).toEqual(slots);
  });

  it('asks in the order a receptionist would', () => {
    expect(missingSlot(EMPTY_SLOTS)).toBe('checkIn');
    expect(missingSlot({ ...EMPTY_SLOTS, checkIn: '2027-03-12' })).toBe('checkOut');
    expect(missingSlot({ ...EMPTY_SLOTS, checkIn: '2027-03-12', checkOut: '2027-03-13' })).toBe('party');
    expect(missingSlot({ ...EMPTY_SLOTS, checkIn: '2027-03-12', checkOut: '2027-03-13', adults: 2 })).toBeNull();
  });
});

describe('reading the guest’s pick', () => {
  const shown: ShownOffer[] = [
    { unitTypeId: 'classic', ratePlanId: 'flex', total: 100, planNames: ['Flexible rate', 'Tarif flexible'], typeNames: ['Classic room', 'Chambre classique'] },
    { unitTypeId: 'suite', ratePlanId: 'nonref', total: 200, planNames: ['Non-refundable rate', 'Tarif non remboursable'], typeNames: ['Tower Suite', 'Suite de la Tour'] },
    { unitTypeId: 'suite', ratePlanId: 'flex', total: 230, planNames: ['Flexible rate', 'Tarif flexible'], typeNames: ['Tower Suite', 'Suite de la Tour'] },
  ];
  it.each([
    ['2', { kind: 'picked', unitTypeId: 'suite', ratePlanId: 'nonref' }],
    ['n°3', { kind: 'picked', unitTypeId: 'suite', ratePlanId: 'flex' }],
    ['9', { kind: 'none' }],
    ['la suite, tarif non remboursable svp', { kind: 'picked', unitTypeId: 'suite', ratePlanId: 'nonref' }],
    ['the suite please', { kind: 'which_plan', unitTypeId: 'suite' }],
    ['chambre classique', { kind: 'picked', unitTypeId: 'classic', ratePlanId: 'flex' }],
    ['the blue one', { kind: 'none' }],
  ])('%p → %p', (text, expected) => expect(readChoice(text, null, u(), shown)).toEqual(expected));

  it('takes a tap as it is, and refuses one for an offer not shown', () => {
    expect(readChoice('', { kind: 'choose', unitTypeId: 'suite', ratePlanId: 'flex' }, u(), shown)).toEqual({ kind: 'picked', unitTypeId: 'suite', ratePlanId: 'flex' });
    expect(readChoice('', { kind: 'choose', unitTypeId: 'suite', ratePlanId: 'bnb' }, u(), shown)).toEqual({ kind: 'none' });
  });
});
