/**
 * Buttons carry a short machine-readable value ("#choose suite flex") so a tap is never
 * re-interpreted by language understanding; typing the button's words works too.
 */
export type ButtonAction =
  | { kind: 'choose'; unitTypeId: string; ratePlanId: string }
  | { kind: 'dates'; checkIn: string; checkOut: string }
  | { kind: 'nights'; nights: number }
  | { kind: 'booking'; reference: string }
  | { kind: 'yes' | 'no' | 'human' | 'keep' | 'book' | 'manage' | 'help' | 'cancel_booking' | 'change_dates' | 'nothing' | 'restart' };

const SIMPLE = ['yes', 'no', 'human', 'keep', 'book', 'manage', 'help', 'cancel_booking', 'change_dates', 'nothing', 'restart'] as const;

export function actionValue(action: ButtonAction): string {
  switch (action.kind) {
    case 'choose':
      return `#choose ${action.unitTypeId} ${action.ratePlanId}`;
    case 'dates':
      return `#dates ${action.checkIn} ${action.checkOut}`;
    case 'nights':
      return `#nights ${action.nights}`;
    case 'booking':
      return `#booking ${action.reference}`;
    default:
      return `#${action.kind}`;
  }
}

export function parseAction(text: string): ButtonAction | null {
  const parts = text.trim().split(/\s+/);
  const head = parts[0];
  if (!head?.startsWith('#')) return null;
  const kind = head.slice(1);
  const [a, b] = [parts[1], parts[2]];
  if (kind === 'choose' && a && b) return { kind, unitTypeId: a, ratePlanId: b };
  if (kind === 'dates' && a && b && /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b)) return { kind, checkIn: a, checkOut: b };
  if (kind === 'nights' && a && /^\d{1,2}$/.test(a)) return { kind, nights: Number(a) };
  if (kind === 'booking' && a) return { kind, reference: a };
  const simple = SIMPLE.find((s) => s === kind);
  return simple ? { kind: simple } : null;
}
