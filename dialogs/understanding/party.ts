/**
 * The party: how many adults and children. Conventions (issue #3):
 * - "for two", "pour deux", "my wife and I", "a couple" are 2 adults;
 * - a group size counts everyone ("family of 4 with 2 kids" = 2 adults + 2 children), and a
 *   bare group size with no children named is adults ("we are 3", "table for 4");
 * - a baby is a child;
 * - the last figure said wins ("2 adults... plutôt 3 adultes").
 * Works on the date extractor's items, so times ("at 8pm") and prices are already masked
 * and lengths ("for 2 nights") are not read as head counts.
 */
import { ADULT_WORDS, BABY_WORDS, CHILD_WORDS, PEOPLE_WORDS, isCountNoun } from './count-nouns';
import { has, type Item } from './dates/extract';
import { PhraseSet } from './phrases';

export interface Party {
  adults: number | null;
  children: number | null;
}

const SPOUSES = new Set([
  'wife', 'husband', 'partner', 'boyfriend', 'girlfriend', 'bf', 'gf', 'fiance', 'fiancee', 'hubby', 'spouse', 'missus', 'mrs',
  'femme', 'mari', 'epouse', 'epoux', 'conjoint', 'conjointe', 'compagne', 'compagnon', 'copain', 'copine', 'cheri', 'cherie', 'chere',
  'mujer', 'esposa', 'esposo', 'marido', 'novia', 'novio', 'pareja', 'mulher', 'namorada', 'namorado', 'noiva', 'noivo', 'companheira', 'companheiro',
]);
const POSSESSIVES = new Set(['my', 'our', 'ma', 'mon', 'mes', 'notre', 'nos', 'mi', 'mis', 'nuestra', 'nuestro', 'nuestros', 'nuestras', 'minha', 'meu', 'meus', 'minhas', 'nossa', 'nosso', 'nossos', 'nossas', 'the', 'le', 'la', 'el', 'o', 'a']);
const ARTICLES_ONE = new Set(['a', 'an', 'one', 'un', 'une', 'uno', 'una', 'um', 'uma', 'our', 'my', 'notre', 'mon', 'ma', 'mi', 'nuestro', 'nuestra', 'meu', 'minha', 'nosso', 'nossa', 'the', 'le', 'la', 'el', 'o', '+', '&', 'and', 'et', 'y', 'e', 'with', 'avec', 'con', 'com', 'plus']);
const SELF = new Set(['i', 'me', 'moi', 'yo', 'eu', 'myself']);
const SOLO = new PhraseSet(`for myself|myself only|just me|only me|just myself|by myself|on my own|alone|solo traveller|solo traveler|travelling solo|traveling solo|travelling alone|traveling alone|seul|seule|juste moi|moi seul|moi seule|voyage seul|voyage seule|sola|solo yo|yo solo|yo sola|viajo solo|viajo sola|sozinho|sozinha|so eu|so para mim|apenas eu|somente eu|single traveller|1 person|one person`);
const NO_CHILDREN = new PhraseSet(`no kids|no children|without kids|without children|sans enfants?|pas d enfants?|sin ninos|sin hijos|sem criancas|sem filhos`);
const TWO_OF_US = new PhraseSet(`en amoureux|escapade en amoureux|en pareja|en couple|nous deux|nous 2|tous les deux|toutes les deux|nosotros dos|nosotras dos|nos dois|nos duas|us two|both of us`);
const COUPLE_WORDS = new Set(['couple', 'pareja', 'casal', 'couples', 'parejas', 'casais']);
const GROUP_VERBS = [
  ['we', 'are'], ['we', 're'], ['we', 'will', 'be'], ['we', 'll', 'be'], ['there', 'are'], ['there', 'will', 'be'], ['there', 're'],
  ['nous', 'sommes'], ['nous', 'serons'], ['on', 'est'], ['on', 'sera'], ['on', 'serait'], ['somos'], ['seremos'], ['vamos', 'a', 'ser'], ['vamos', 'ser'], ['estaremos'],
];
const GROUP_VERBS_BY_FIRST = new Map<string, string[][]>();
for (const v of GROUP_VERBS) GROUP_VERBS_BY_FIRST.set(v[0]!, [...(GROUP_VERBS_BY_FIRST.get(v[0]!) ?? []), v]);
const FAMILY = new Set(['family', 'famille', 'familia']);
/** "party of 6", "group of 8", "groupe de 10", "grupo de 5": a group size. */
const GROUP = new Set(['party', 'group', 'groupe', 'grupo']);
/** "a baby cot", "baby chair": a thing for a baby, not a head count. */
const BABY_GEAR = new Set(['cot', 'cots', 'crib', 'cribs', 'bed', 'chair', 'highchair', 'seat', 'monitor', 'food', 'bath', 'bottle', 'stroller', 'pram', 'buggy', 'carrier', 'formula', 'bathtub', 'sitter']);
/** Before "a person", these make it someone to talk to or to add, not the party: "talk to a person", "get me a person", "con una persona". */
const NOT_A_HEAD_COUNT_BEFORE = new Set(['to', 'with', 'con', 'com', 'avec', 'a', 'add', 'ajouter', 'anadir', 'agregar', 'adicionar', 'me', 'talk', 'speak', 'parler', 'hablar', 'falar', 'une', 'another', 'autre', 'otra', 'outra', 'extra']);
const FILLERS = new Set(['finalement', 'finally', 'now', 'maintenant', 'ahora', 'agora', 'only', 'just', 'juste', 'solo', 'so', 'about', 'environ', 'unos', 'uns', 'around']);

function countOf(it: Item | undefined, allowArticles: boolean): number | null {
  if (it === undefined || it.masked) return null;
  if (it.n !== null) return !it.ordinal && it.digits <= 2 && it.n >= 1 && it.n <= 30 ? it.n : null;
  const w = has(it, 'num');
  if (w === undefined) return null;
  if (!allowArticles && ['a', 'an', 'un', 'une', 'uno', 'una', 'um', 'uma'].includes(it.t)) return null;
  return w.n >= 1 && w.n <= 30 ? w.n : null;
}

/**
 * True when what follows a count at `j - 1` makes it something else: a length ("2 nights"),
 * a date ("for 12 dec", "para 14 a 16 de dezembro"), a time, a room. "for 2 december 12 to
 * 15" is still two people: the month there starts a date of its own.
 */
function countIsNotPeople(items: readonly Item[], j: number): boolean {
  const next = items[j];
  if (next === undefined) return false;
  if (has(next, 'month') !== undefined) {
    const after = items[j + 1];
    return !(after !== undefined && after.n !== null && after.n >= 1 && after.n <= 31);
  }
  if (has(next, 'to') !== undefined && next.t !== 'a' && items[j + 1]?.n != null && !items[j + 1]!.masked) return true;
  if (next.t === 'a' && items[j + 1]?.n != null && !items[j + 1]!.masked && items[j + 1]!.n! <= 31) return true;
  return has(next, 'unit') !== undefined || has(next, 'len') !== undefined || has(next, 'weekend') !== undefined || (next.n === null && (next.t === '/' || next.t === ':' || next.t === 'h' || next.t === '.' && items[j + 1]?.n != null)) || (isCountNoun(next.t) && !PEOPLE_WORDS.has(next.t) && !ADULT_WORDS.has(next.t) && !CHILD_WORDS.has(next.t));
}

/** `words`: the folded words of the message (see phrases.ts `wordsOf`). */
export function extractParty(items: readonly Item[], words: readonly string[]): Party {
  let adults: number | null = null;
  let children: number | null = null;
  let total: number | null = null;
  let couples: number | null = null;
  let childMentions = 0;
  /** Babies among the children: a group size ("for 2 + baby") leaves them out, a family size counts them. */
  let babies = 0;
  let familyTotal = false;

  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const next = items[i + 1];
    const word = it.t;

    // "2 adults", "deux adultes", "2 adl"; "2 kids", "un bébé"; "4 people", "2 of us"
    const cnt = countOf(it, true);
    if (cnt !== null && next !== undefined) {
      let j = i + 1;
      // "2 small kids", "2 petits enfants"
      if (!isCountNoun(items[j]!.t) && items[j + 1] !== undefined && (CHILD_WORDS.has(items[j + 1]!.t) || ADULT_WORDS.has(items[j + 1]!.t)) && items[j]!.n === null && items[j]!.anns.length === 0) j++;
      const noun = items[j]!.t;
      if (ADULT_WORDS.has(noun)) {
        adults = cnt;
        i = j;
        continue;
      }
      if (CHILD_WORDS.has(noun) && !BABY_GEAR.has(items[j + 1]?.t ?? '')) {
        children = cnt;
        babies = BABY_WORDS.has(noun) ? cnt : 0;
        while (items[j + 1] !== undefined && CHILD_WORDS.has(items[j + 1]!.t)) j++;
        i = j;
        continue;
      }
      // "2 people", "2 of us"; "a person" only after "for" ("pour une personne"), since
      // "talk to a person" or "add a person" is no head count.
      const article = countOf(it, false) === null;
      if ((PEOPLE_WORDS.has(noun) || (noun === 'of' && items[j + 1]?.t === 'us')) && (!article || !NOT_A_HEAD_COUNT_BEFORE.has(items[i - 1]?.t ?? ''))) {
        total = cnt;
        i = j;
        continue;
      }
      if (COUPLE_WORDS.has(noun) && countOf(it, false) !== null) {
        couples = cnt;
        i = j;
        continue;
      }
    }

    // "for 2", "pour deux", "para 4", "pr 2": a bare group size.
    // Not "for sept 1-4": a word that is both a number and a month, then a day, is a date.
    const monthThenDay = next !== undefined && has(next, 'month') !== undefined && items[i + 2]?.n != null && items[i + 2]!.n! <= 31;
    if (has(it, 'for') !== undefined && !monthThenDay) {
      const c = countOf(next, false) ?? (next?.t === 'one' ? 1 : null);
      if (c !== null && !countIsNotPeople(items, i + 2) && !(items[i + 2] !== undefined && (ADULT_WORDS.has(items[i + 2]!.t) || CHILD_WORDS.has(items[i + 2]!.t)))) {
        if (!(items[i + 2] !== undefined && PEOPLE_WORDS.has(items[i + 2]!.t))) total = c;
        continue;
      }
    }

    // "we are 3", "nous sommes 4", "on sera finalement 3", "somos 2"
    for (const verb of GROUP_VERBS_BY_FIRST.get(word) ?? []) {
      if (verb.every((w, k) => items[i + k]?.t === w)) {
        let j = i + verb.length;
        if (items[j] !== undefined && FILLERS.has(items[j]!.t)) j++;
        const c = countOf(items[j], false);
        if (c !== null && !countIsNotPeople(items, j + 1)) total = c;
        break;
      }
    }

    // "family of 4", "famille de 4", "familia de 4"
    if (FAMILY.has(word) && next !== undefined && (next.t === 'of' || next.t === 'de' || has(next, 'of') !== undefined)) {
      const c = countOf(items[i + 2], false);
      if (c !== null) {
        total = c;
        familyTotal = true;
      }
    }

    // "party of 6", "group of 8", "groupe de 10"
    if (GROUP.has(word) && next !== undefined && (next.t === 'of' || next.t === 'de')) {
      const c = countOf(items[i + 2], false);
      if (c !== null && !countIsNotPeople(items, i + 3)) total = c;
    }

    // "a couple", "un couple", "en couple", "una pareja", "um casal" (not "a couple of nights")
    if (COUPLE_WORDS.has(word) && word !== 'couples' && items[i + 1]?.t !== 'of' && !(items[i + 1]?.t === 'de' && has(items[i + 2], 'unit') !== undefined)) {
      const prev = items[i - 1];
      if (prev === undefined || ['a', 'un', 'une', 'en', 'una', 'um', 'as', 'como', 'pour', 'for', 'para', 'pr'].includes(prev.t)) couples ??= 1;
    }

    // "our son", "a baby", "+ baby", "avec bébé"
    if (CHILD_WORDS.has(word) && (!word.endsWith('s') || word === 'fils') && !BABY_GEAR.has(items[i + 1]?.t ?? '') && (i === 0 || ARTICLES_ONE.has(items[i - 1]!.t) || POSSESSIVES.has(items[i - 1]!.t))) {
      childMentions++;
      if (BABY_WORDS.has(word)) babies++;
    }
  }

  // Spouse + self ("my wife and I", "moi + ma femme", "eu e meu marido") or "with my wife".
  let coupleFromSpouse = false;
  for (let i = 0; i < items.length; i++) {
    if (!SPOUSES.has(items[i]!.t)) continue;
    const prev = items[i - 1]?.t;
    const possessive = prev !== undefined && POSSESSIVES.has(prev) && !['the', 'le', 'la', 'el', 'o', 'a'].includes(prev);
    const englishBare = ['wife', 'husband', 'partner', 'boyfriend', 'girlfriend', 'hubby', 'bf', 'gf'].includes(items[i]!.t);
    if (!possessive && !englishBare) continue;
    const near = items.slice(Math.max(0, i - 4), i + 4).some((x) => SELF.has(x.t));
    const withWord = items.slice(Math.max(0, i - 3), i).some((x) => ['with', 'avec', 'con', 'com'].includes(x.t));
    if (near || withWord) coupleFromSpouse = true;
  }

  if (children === null && childMentions > 0) children = childMentions;
  if (NO_CHILDREN.test(words)) children ??= 0;
  if (adults === null) {
    if (total !== null) {
      const counted = children === null ? 0 : familyTotal ? children : Math.max(0, children - babies);
      adults = total - counted >= 1 ? total - counted : total;
    }
    else if (couples !== null) adults = couples * 2;
    else if (coupleFromSpouse || TWO_OF_US.test(words)) adults = 2;
    else if (SOLO.test(words)) adults = 1;
  }
  return { adults, children };
}
