import type { Catalog } from '../../domain/catalog/catalog';
import type { FeedTarget } from '../../domain/usecases/import-feed';

/** A feed as jobs name it: ids only, so a job never carries a feed URL (they embed secrets). */
export interface FeedRef {
  propertyId: string;
  unitId: string;
  feedId: string;
}

/** Ids are [a-z0-9-], so a dot separates them without ambiguity, and no ':' reaches BullMQ. */
export const feedKey = (ref: FeedRef): string => `${ref.propertyId}.${ref.unitId}.${ref.feedId}`;

export function listFeeds(catalog: Catalog, defaultMinutes: number): { ref: FeedRef; everyMs: number }[] {
  return catalog.list().flatMap((property) =>
    property.units.flatMap((unit) =>
      unit.feeds.map((feed) => ({
        ref: { propertyId: property.id, unitId: unit.id, feedId: feed.id },
        everyMs: (feed.refreshMinutes ?? defaultMinutes) * 60_000,
      })),
    ),
  );
}

/** The catalogue's current feed for a ref; null when it was removed since the job was planned. */
export function findFeed(catalog: Catalog, ref: FeedRef): FeedTarget | null {
  const property = catalog.get(ref.propertyId);
  const unit = property?.units.find((u) => u.id === ref.unitId);
  const feed = unit?.feeds.find((f) => f.id === ref.feedId);
  return property && unit && feed ? { property, unit, feed } : null;
}
