/**
 * Keyword phrases matched over words with hash lookups, not with big regex alternations.
 *
 * Why: V8 stops optimizing newly compiled regexes once a process holds a lot of regexp code,
 * and Microsoft Recognizers compile thousands. After warmUp() a 200-way alternation that ran
 * in 1 µs took 10 µs, and understanding a message went from ~25 µs to ~100 µs. A Map from
 * first word to candidate phrases costs the same whatever else is loaded.
 *
 * Phrases are written in a tiny regex-like notation, expanded once at load: `a|b`
 * alternatives (also one per line), `(?:x|y)` groups, `(?:x )?` optional parts and `[oa]`
 * character classes, e.g. "obrigad[oa] por tudo", "merci (?:beaucoup )?pour tout".
 */

/** Expands the notation into plain phrases. */
export function expand(pattern: string): string[] {
  let pos = 0;
  const src = pattern
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('|');

  function parseAlts(): string[] {
    const out: string[] = [];
    out.push(...parseSeq());
    while (src[pos] === '|') {
      pos++;
      out.push(...parseSeq());
    }
    return out;
  }

  function parseSeq(): string[] {
    let acc: string[] = [''];
    while (pos < src.length && src[pos] !== '|' && src[pos] !== ')') {
      let options: string[];
      if (src.startsWith('(?:', pos)) {
        pos += 3;
        options = parseAlts();
        if (src[pos] !== ')') throw new Error(`unclosed group in ${pattern}`);
        pos++;
      } else if (src[pos] === '[') {
        const end = src.indexOf(']', pos);
        options = [...src.slice(pos + 1, end)];
        pos = end + 1;
      } else {
        options = [src[pos]!];
        pos++;
      }
      if (src[pos] === '?') {
        options = [...options, ''];
        pos++;
      }
      const next: string[] = [];
      for (const a of acc) for (const o of options) next.push(a + o);
      acc = next;
    }
    return acc;
  }

  const all = parseAlts();
  if (pos !== src.length) throw new Error(`unexpected ${src[pos]} in ${pattern}`);
  return all.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

export class PhraseSet {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(pattern: string) {
    for (const phrase of expand(pattern)) {
      const words = phrase.split(' ');
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push(words);
      this.byFirst.set(words[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Length in words of the longest phrase starting at `words[i]`, or 0. */
  matchAt(words: readonly string[], i: number): number {
    const candidates = this.byFirst.get(words[i]!);
    if (candidates === undefined) return 0;
    outer: for (const c of candidates) {
      if (i + c.length > words.length) continue;
      for (let k = 1; k < c.length; k++) if (words[i + k] !== c[k]) continue outer;
      return c.length;
    }
    return 0;
  }

  test(words: readonly string[]): boolean {
    for (let i = 0; i < words.length; i++) if (this.byFirst.has(words[i]!) && this.matchAt(words, i) > 0) return true;
    return false;
  }

  /** True when the whole of `words` is one phrase. */
  isExactly(words: readonly string[]): boolean {
    return words.length > 0 && this.matchAt(words, 0) === words.length;
  }
}

/** `a`, then at most `maxGap` other words, then `b`: "talk to a real person", "was really delicious". */
export function near(words: readonly string[], a: PhraseSet, b: PhraseSet, maxGap: number): boolean {
  for (let i = 0; i < words.length; i++) {
    const la = a.matchAt(words, i);
    if (la === 0) continue;
    for (let j = i + la; j <= Math.min(words.length - 1, i + la + maxGap); j++) if (b.matchAt(words, j) > 0) return true;
  }
  return false;
}

/**
 * Chat spellings, written out as the phrases spell them: contractions typed without their
 * apostrophe ("doesnt" → doesn t, "jai" → j ai) and SMS abbreviations ("u", "pr", "qqn", "vc").
 * Only for phrase matching: the date grammar and the locale guess read the tokens as typed.
 */
const CHAT_SPELLINGS = new Map<string, readonly string[]>(
  Object.entries({
    dont: 'don t', doesnt: 'doesn t', isnt: 'isn t', arent: 'aren t', cant: 'can t', cannot: 'can t', wont: 'won t', didnt: 'didn t',
    couldnt: 'couldn t', wouldnt: 'wouldn t', wasnt: 'wasn t', werent: 'weren t', havent: 'haven t', hasnt: 'hasn t', aint: 'isn t',
    whats: 'what s', thats: 'that s', theres: 'there s', im: 'i m', ive: 'i ve', youre: 'you re', weve: 'we ve', lets: 'let s',
    u: 'you', ur: 'your', plz: 'please', pls: 'please', thx: 'thanks', thanx: 'thanks', tnx: 'thanks', ty: 'thank you', abt: 'about', tmrw: 'tomorrow', tmr: 'tomorrow',
    pr: 'pour', vs: 'vous', ds: 'dans', tt: 'tout', bcp: 'beaucoup', qqn: 'quelqu un', qqun: 'quelqu un', qq1: 'quelqu un', quelquun: 'quelqu un',
    qqch: 'quelque chose', jai: 'j ai', cest: 'c est', daccord: 'd accord', jpeux: 'je peux', jveux: 'je veux', jvoudrais: 'je voudrais', ptit: 'petit', pti: 'petit',
    mdp: 'mot de passe', pb: 'probleme', rdv: 'rendez vous', dej: 'dej', tjs: 'toujours', tjrs: 'toujours', slt: 'salut',
    porfa: 'por favor', xfa: 'por favor', q: 'que', xq: 'porque', pq: 'porque',
    vc: 'voce', vcs: 'voces', obg: 'obrigado', hj: 'hoje', pfv: 'por favor', pf: 'por favor',
  }).map(([k, v]) => [k, v.split(' ')]),
);

/** The words of a folded text, punctuation dropped, chat spellings written out: what phrases are matched against. */
export function wordsOf(tokens: readonly { t: string }[]): string[] {
  const out: string[] = [];
  for (const tok of tokens) {
    const c = tok.t.charCodeAt(0);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    const spelled = CHAT_SPELLINGS.get(tok.t);
    if (spelled === undefined) out.push(tok.t);
    else for (const w of spelled) out.push(w);
  }
  return out;
}
