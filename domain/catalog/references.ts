/**
 * Cross-references inside a property document: duplicate ids and ids that point nowhere.
 *
 * These run on the raw document, even when other fields are invalid, so that one pass over
 * a broken file reports every problem instead of revealing them one fix at a time. Hence
 * everything here is defensive about shapes: the field-level schema reports those.
 */

export type IssuePath = (string | number)[];
export interface ReferenceIssue {
  path: IssuePath;
  message: string;
}

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const listAt = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const where = (path: IssuePath) => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** Ids of a list, or undefined when some entry has none: then "unknown id" would be a guess. */
function idsOf(list: unknown): Set<string> | undefined {
  if (!Array.isArray(list)) return undefined;
  const ids = list.map((item) => (isDoc(item) ? textOf(item.id) : undefined));
  return ids.every((id) => id !== undefined) ? new Set(ids as string[]) : undefined;
}

export function referenceIssues(input: unknown): ReferenceIssue[] {
  if (!isDoc(input)) return [];
  const issues: ReferenceIssue[] = [];
  const report = (path: IssuePath, message: string) => issues.push({ path, message });
  const pricing = isDoc(input.pricing) ? input.pricing : {};

  const uniqueIds = (list: unknown, base: IssuePath, what = 'id') => {
    const first = new Map<string, IssuePath>();
    listAt(list).forEach((item, i) => {
      const id = isDoc(item) ? textOf(item.id) : undefined;
      if (id === undefined) return;
      const path = [...base, i, 'id'];
      const previous = first.get(id);
      if (previous) report(path, `duplicate ${what} "${id}", already used by ${where(previous.slice(0, -1))}`);
      else first.set(id, path);
    });
  };
  uniqueIds(input.unitTypes, ['unitTypes']);
  uniqueIds(input.units, ['units']);
  uniqueIds(input.ratePlans, ['ratePlans']);
  uniqueIds(pricing.seasons, ['pricing', 'seasons']);
  uniqueIds(pricing.promotions, ['pricing', 'promotions']);
  uniqueIds(input.faq, ['faq']);
  uniqueIds(input.concierge, ['concierge']);

  // Feed ids identify an external calendar across the whole property, not just one unit.
  const feedFirst = new Map<string, IssuePath>();
  listAt(input.units).forEach((unit, i) => {
    if (!isDoc(unit)) return;
    listAt(unit.feeds).forEach((feed, j) => {
      const id = isDoc(feed) ? textOf(feed.id) : undefined;
      if (id === undefined) return;
      const previous = feedFirst.get(id);
      if (previous) report(['units', i, 'feeds', j, 'id'], `duplicate feed id "${id}", already used by ${where(previous)}`);
      else feedFirst.set(id, ['units', i, 'feeds', j]);
    });
  });

  const typeIds = idsOf(input.unitTypes);
  const unknownType = (value: unknown, path: IssuePath) => {
    const id = textOf(value);
    if (typeIds && id !== undefined && !typeIds.has(id)) report(path, `unknown unit type "${id}"`);
  };
  listAt(input.units).forEach((unit, i) => isDoc(unit) && unknownType(unit.typeId, ['units', i, 'typeId']));
  listAt(input.ratePlans).forEach((plan, i) => {
    if (isDoc(plan)) listAt(plan.unitTypeIds).forEach((tid, j) => unknownType(tid, ['ratePlans', i, 'unitTypeIds', j]));
  });
  listAt(pricing.seasons).forEach((season, i) => {
    if (isDoc(season) && isDoc(season.rates)) Object.keys(season.rates).forEach((tid) => unknownType(tid, ['pricing', 'seasons', i, 'rates', tid]));
  });

  const planIds = idsOf(input.ratePlans);
  listAt(pricing.promotions).forEach((promo, i) => {
    if (!isDoc(promo)) return;
    listAt(promo.unitTypeIds).forEach((tid, j) => unknownType(tid, ['pricing', 'promotions', i, 'unitTypeIds', j]));
    listAt(promo.ratePlanIds).forEach((rid, j) => {
      const id = textOf(rid);
      if (planIds && id !== undefined && !planIds.has(id)) report(['pricing', 'promotions', i, 'ratePlanIds', j], `unknown rate plan "${id}"`);
    });
  });

  // A type without rooms can never be sold; it is almost always a typo in a unit's typeId.
  const units = listAt(input.units);
  const usedTypes = units.map((u) => (isDoc(u) ? textOf(u.typeId) : undefined));
  if (units.length > 0 && usedTypes.every((t) => t !== undefined)) {
    listAt(input.unitTypes).forEach((type, i) => {
      const id = isDoc(type) ? textOf(type.id) : undefined;
      if (id !== undefined && !usedTypes.includes(id)) report(['unitTypes', i, 'id'], `no unit of type "${id}"`);
    });
  }
  return issues;
}
