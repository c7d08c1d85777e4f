import type { ConciergeService, Property } from '../../domain/catalog/schema';
import { fold } from '../search/choice';

const STOP = new Set(['the', 'and', 'les', 'des', 'pour', 'une', 'with', 'avec', 'del', 'para', 'com', 'por', 'extra', 'supplementaires', 'supplementaire']);

/** The concierge service a request names, by the significant words of its names in every language. */
export function matchService(property: Property, text: string): ConciergeService | null {
  const textWords = new Set(fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
  let best: { service: ConciergeService; score: number } | null = null;
  for (const service of property.concierge) {
    const nameWords = Object.values(service.name).flatMap((n) => fold(n ?? '').split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2 && !STOP.has(w));
    // Plural and singular ("towel"/"towels", "serviette"/"serviettes") count as the same word.
    const score = nameWords.filter((w) => [...textWords].some((t) => t === w || t.replace(/s$/, '') === w.replace(/s$/, ''))).length;
    if (score > 0 && (!best || score > best.score)) best = { service, score };
  }
  return best?.service ?? null;
}
