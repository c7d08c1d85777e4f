import type { Property } from '../../domain/catalog/schema';
import { fold } from '../search/choice';

type Faq = Property['faq'][number];

function words(text: string): Set<string> {
  return new Set(fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}

/**
 * The FAQ entry whose keywords (in any language: guests mix them) best match the message.
 * A keyword of several words must appear whole; a single word may appear as a word of the text.
 */
export function matchFaq(property: Property, text: string): Faq | null {
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const textWords = words(text);
  let best: { faq: Faq; score: number } | null = null;
  for (const faq of property.faq) {
    const keywords = Object.values(faq.keywords).flat().filter((k): k is string => !!k).map(fold);
    let score = 0;
    for (const keyword of keywords) {
      if (keyword.includes(' ') ? folded.includes(` ${keyword} `) : textWords.has(keyword) || (keyword.length >= 5 && [...textWords].some((w) => w.startsWith(keyword)))) score += keyword.length;
    }
    if (score > 0 && (!best || score > best.score)) best = { faq, score };
  }
  return best?.faq ?? null;
}
