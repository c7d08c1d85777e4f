import type { ButtonAction } from '../actions';
import type { Understanding } from '../understanding/types';

/** One line of the offers the guest was shown, numbered in the order shown. */
export interface ShownOffer {
  unitTypeId: string;
  ratePlanId: string;
  total: number;
  planNames: string[];
}

export type Choice =
  | { kind: 'picked'; unitTypeId: string; ratePlanId: string }
  | { kind: 'which_plan'; unitTypeId: string }
  | { kind: 'none' };

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function mentionsPlan(text: string, offer: ShownOffer): boolean {
  const folded = fold(text);
  return offer.planNames.some((name) => folded.includes(fold(name)));
}

/** Reads the guest's pick from a tap, a number ("2") or words ("the suite, non-refundable"). */
export function readChoice(text: string, action: ButtonAction | null, u: Understanding, shown: ShownOffer[]): Choice {
  if (action?.kind === 'choose') {
    const hit = shown.find((o) => o.unitTypeId === action.unitTypeId && o.ratePlanId === action.ratePlanId);
    return hit ? { kind: 'picked', unitTypeId: hit.unitTypeId, ratePlanId: hit.ratePlanId } : { kind: 'none' };
  }
  const number = /^\s*(?:n[°o]?\s*)?(\d{1,2})\s*[.)]?\s*$/i.exec(text)?.[1];
  if (number) {
    const hit = shown[Number(number) - 1];
    return hit ? { kind: 'picked', unitTypeId: hit.unitTypeId, ratePlanId: hit.ratePlanId } : { kind: 'none' };
  }
  const types = [...new Set(shown.map((o) => o.unitTypeId))];
  const typeId = u.entities.unitTypeId && types.includes(u.entities.unitTypeId) ? u.entities.unitTypeId : types.length === 1 ? types[0] : undefined;
  if (!typeId) return { kind: 'none' };
  const plans = shown.filter((o) => o.unitTypeId === typeId);
  const named = plans.filter((o) => mentionsPlan(text, o));
  // The longest plan name that matches wins: "non remboursable" also contains "remboursable".
  const best = named.sort((a, b) => Math.max(...b.planNames.map((n) => n.length)) - Math.max(...a.planNames.map((n) => n.length)))[0];
  if (best) return { kind: 'picked', unitTypeId: typeId, ratePlanId: best.ratePlanId };
  if (plans.length === 1 && plans[0]) return { kind: 'picked', unitTypeId: typeId, ratePlanId: plans[0].ratePlanId };
  return u.entities.unitTypeId ? { kind: 'which_plan', unitTypeId: typeId } : { kind: 'none' };
}
