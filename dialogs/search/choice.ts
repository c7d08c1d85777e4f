import type { ButtonAction } from '../actions';
import type { Understanding } from '../understanding/types';

/** One line of the offers the guest was shown, numbered in the order shown. */
export interface ShownOffer {
  unitTypeId: string;
  ratePlanId: string;
  total: number;
  planNames: string[];
  /** The unit type's names in every language, for "the suite" or "la supérieure". */
  typeNames: string[];
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
  const number = /^\s*(?:n[°o]?\s*)?(\d{1,2})\s*(?:[.)]\s*)?$/i.exec(text)?.[1];
  if (number) {
    const hit = shown[Number(number) - 1];
    return hit ? { kind: 'picked', unitTypeId: hit.unitTypeId, ratePlanId: hit.ratePlanId } : { kind: 'none' };
  }
  const types = [...new Set(shown.map((o) => o.unitTypeId))];
  const named = u.entities.unitTypeId && types.includes(u.entities.unitTypeId) ? u.entities.unitTypeId : typeByWord(text, shown);
  const typeId = named ?? (types.length === 1 ? types[0] : undefined);
  if (!typeId) return { kind: 'none' };
  const plans = shown.filter((o) => o.unitTypeId === typeId);
  const planned = plans.filter((o) => mentionsPlan(text, o));
  // The longest plan name that matches wins: "non remboursable" also contains "remboursable".
  const best = planned.sort((a, b) => Math.max(...b.planNames.map((n) => n.length)) - Math.max(...a.planNames.map((n) => n.length)))[0];
  if (best) return { kind: 'picked', unitTypeId: typeId, ratePlanId: best.ratePlanId };
  if (plans.length === 1 && plans[0]) return { kind: 'picked', unitTypeId: typeId, ratePlanId: plans[0].ratePlanId };
  return named ? { kind: 'which_plan', unitTypeId: typeId } : { kind: 'none' };
}

const GENERIC = new Set(['room', 'rooms', 'chambre', 'chambres', 'habitacion', 'quarto', 'the', 'la', 'le', 'de', 'du', 'des', 'el', 'o', 'a']);

/** A unit type named by one distinctive word of its names ("suite", "superieure"), when only one type has it. */
function typeByWord(text: string, shown: ShownOffer[]): string | undefined {
  const words = new Set(fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !GENERIC.has(w)));
  const hits = new Set(
    shown
      .filter((o) => o.typeNames.some((name) => fold(name).split(/[^\p{L}\p{N}]+/u).some((w) => words.has(w) && !GENERIC.has(w))))
      .map((o) => o.unitTypeId),
  );
  return hits.size === 1 ? [...hits][0] : undefined;
}
