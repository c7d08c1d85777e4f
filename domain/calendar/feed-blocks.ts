import type { FeedBlock } from '../ports';
import { nightsOfSpan, type EventSpan, type NightRange, type NightRules } from './event-nights';
import type { Night } from './nights';

export interface EventOccurrence {
  uid: string;
  span: EventSpan;
}

/**
 * The feed's blocked nights, one entry a night. When several events cover a night the
 * smallest uid names it, so the same feed always produces the same blocks and an unchanged
 * feed rewrites nothing.
 */
export function blocksOf(occurrences: Iterable<EventOccurrence>, rules: NightRules, range: NightRange): FeedBlock[] {
  const byNight = new Map<Night, string>();
  for (const { uid, span } of occurrences) {
    for (const night of nightsOfSpan(span, rules, range)) {
      const current = byNight.get(night);
      if (current === undefined || uid < current) byNight.set(night, uid);
    }
  }
  return [...byNight.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([night, uid]) => ({ night, uid }));
}
