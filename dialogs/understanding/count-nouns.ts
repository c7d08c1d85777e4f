/**
 * Nouns that make the number before them a count, not a day of the month: "2 adults",
 * "3 people", "2 chambres". The date extractor uses them to leave "between 2 and 4 people"
 * alone; the party extractor uses the same words to read the party.
 */

export const ADULT_WORDS = new Set([
  'adult', 'adults', 'adlt', 'adlts', 'adl', 'adls', 'ad', 'ads', 'grownups', 'grown',
  'adulte', 'adultes', 'adultos', 'adulto', 'adultas', 'adulta',
]);

export const CHILD_WORDS = new Set([
  'child', 'children', 'childs', 'kid', 'kids', 'kiddo', 'kiddos', 'teen', 'teens', 'teenager', 'teenagers', 'toddler', 'toddlers', 'infant', 'infants', 'baby', 'babies', 'bebe', 'bebes',
  'enfant', 'enfants', 'enf', 'enfts', 'gamin', 'gamins', 'gamine', 'gamines', 'ado', 'ados', 'petits', 'bambin', 'bambins', 'nourrisson', 'nourrissons', 'garcon', 'garcons', 'fille', 'filles', 'fils',
  'nino', 'ninos', 'nina', 'ninas', 'nene', 'nenes', 'hijo', 'hijos', 'hija', 'hijas', 'peque', 'peques', 'menor', 'menores', 'adolescente', 'adolescentes', 'crio', 'crios',
  'crianca', 'criancas', 'filho', 'filhos', 'filha', 'filhas', 'menino', 'meninos', 'menina', 'meninas', 'nenem', 'bebezinho',
  'son', 'sons', 'daughter', 'daughters', 'boy', 'boys', 'girl', 'girls',
]);

/** Babies are children for the booking, whatever the guest calls them. */
export const BABY_WORDS = new Set(['baby', 'babies', 'bebe', 'bebes', 'infant', 'infants', 'toddler', 'toddlers', 'nourrisson', 'nourrissons', 'bambin', 'nenem', 'bebezinho']);

export const PEOPLE_WORDS = new Set([
  'people', 'persons', 'person', 'pers', 'ppl', 'guests', 'guest', 'pax', 'peeps', 'travellers', 'travelers', 'of us',
  'personnes', 'personne', 'pers', 'voyageurs', 'voyageur', 'ppl', 'persos',
  'personas', 'persona', 'huespedes', 'huesped', 'viajeros',
  'pessoas', 'pessoa', 'hospedes', 'hospede', 'viajantes',
]);

/** Other things guests count: rooms, beds, years of age, hours, euros. */
export const OTHER_COUNT_WORDS = new Set([
  'room', 'rooms', 'chambre', 'chambres', 'ch', 'habitacion', 'habitaciones', 'hab', 'quarto', 'quartos', 'bed', 'beds', 'lit', 'lits', 'cama', 'camas',
  'year', 'years', 'yo', 'yrs', 'an', 'ans', 'ano', 'anos', 'month', 'months', 'mois', 'mes', 'meses', 'hour', 'hours', 'hr', 'hrs', 'heure', 'heures', 'hora', 'horas', 'min', 'mins', 'minutes',
  'eur', 'euro', 'euros', 'dollars', 'usd', 'gbp', 'pounds', 'couples', 'couple', 'star', 'stars', 'etoiles', 'estrellas', 'estrelas', 'suites', 'dogs', 'dog', 'cats', 'chiens', 'chien', 'perros', 'perro', 'caes', 'cao',
  'towels', 'serviettes', 'toallas', 'toalhas', 'pillows', 'oreillers', 'bikes', 'velos',
]);

/** True when the folded word makes a preceding number a count of something. */
export function isCountNoun(word: string): boolean {
  return ADULT_WORDS.has(word) || CHILD_WORDS.has(word) || PEOPLE_WORDS.has(word) || OTHER_COUNT_WORDS.has(word);
}
