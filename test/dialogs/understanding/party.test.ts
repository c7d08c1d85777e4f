/** Party conventions of issue #3 in the four languages. */
import { partyOf } from './helpers';

type Row = [text: string, adults: number | null, children: number | null];

describe('party', () => {
  it.each<Row>([
    // "for two" means 2 adults
    ['a room for two', 2, null],
    // a group size; a month that is also a number is a date; a baby's things are no baby
    ['party of 6, 2 nights', 6, null],
    ['groupe de 10 personnes', 10, null],
    ['grupo de 5', 5, null],
    ['a room for sept 1-4', null, null],
    ['pour sept personnes', 7, null],
    ['we need a baby cot please', null, null],
    ['2 adults and a baby, can we have a baby cot?', 2, 1],
    ['une chambre pour deux', 2, null],
    ['una habitación para dos', 2, null],
    ['um quarto para dois', 2, null],
    ['dispo 12-15/12 pr 2', 2, null],
    // my wife and I
    ['my wife and I', 2, null],
    ['me and my husband', 2, null],
    ['ma femme et moi', 2, null],
    ['moi et mon copain', 2, null],
    ['mi mujer y yo', 2, null],
    ['eu e minha esposa', 2, null],
    // a couple
    ['a couple', 2, null],
    ['pour un couple', 2, null],
    ['para una pareja', 2, null],
    ['para um casal', 2, null],
    ['two couples', 4, null],
    // a couple of nights is no couple
    ['a couple of nights in December', null, null],
    // family of 4 with 2 kids
    ['a family of 4 with 2 kids', 2, 2],
    ['une famille de 4 avec 2 enfants', 2, 2],
    ['una familia de 4 con 2 niños', 2, 2],
    ['uma família de 4 com 2 crianças', 2, 2],
    // a baby is a child
    ['2 adults and a baby', 2, 1],
    ['2 adultes et un bébé', 2, 1],
    ['2 adultos y un bebé', 2, 1],
    ['2 adultos e um bebê', 2, 1],
    ['me + wife + baby', 2, 1],
    // bare group sizes are adults
    ['we are 3', 3, null],
    ['nous sommes 3', 3, null],
    ['on sera 6', 6, null],
    ['somos 4', 4, null],
    ['room for 3 please', 3, null],
    ['4 people', 4, null],
    ['2 personnes', 2, null],
    ['una persona', 1, null],
    ['uma pessoa', 1, null],
    // explicit figures
    ['2 adults 2 kids', 2, 2],
    ['2 adultes + 1 enfant', 2, 1],
    ['2 adultos y 3 niños', 2, 3],
    ['2 adultos e 2 crianças', 2, 2],
    ['2 adults, no kids', 2, 0],
    ['just me', 1, null],
    ['je voyage seule', 1, null],
    // numbers that are not people
    ['3 nights from the 12th', null, null],
    ['2 adults, 1 child of 5 years', 2, 1],
    ['2 adultes et 1 enfant de 5 ans', 2, 1],
    ['a table for 4 at 8pm', 4, null],
    ['talk to a person', null, null],
    ['room 12, extra towels please', null, null],
  ])('%s → %s adults, %s children', (text, adults, children) => {
    expect(partyOf(text)).toEqual([adults, children]);
  });
});
