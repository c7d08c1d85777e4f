import type { Property } from '../catalog/schema';
import { toBasisPoints } from '../pricing/percent';

/** `share` percent of `amount`, in integers, rounded half up: 30 % of 50 001 is 15 000. */
export function percentOf(amount: number, share: number): number {
  if (amount <= 0 || share <= 0) return 0;
  const bp = toBasisPoints(share);
  return Math.floor((amount * bp + 5_000) / 10_000);
}

/**
 * What the guest pays online for a stay of `total` under the property's policy. The rest, if
 * any, is due at the hotel. A card guarantee charges nothing online.
 */
export function dueOnline(property: Property, total: number): number {
  switch (property.payment.collect) {
    case 'full':
      return total;
    case 'deposit':
      return Math.min(total, percentOf(total, property.depositPercent));
    case 'guarantee':
      return 0;
  }
}

/** The platform's commission on an amount charged for this property; 0 without platform mode. */
export function applicationFee(property: Property, charged: number): number {
  const platform = property.payment.platform;
  return platform ? percentOf(charged, platform.applicationFeePercent) : 0;
}

/**
 * After a date change, what the guest owes online (positive) or gets back (negative): the policy
 * applied to the new total, against what they have actually paid.
 */
export function dateChangeDifference(property: Property, newTotal: number, amountPaid: number): number {
  return dueOnline(property, newTotal) - amountPaid;
}
