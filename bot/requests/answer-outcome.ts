import type { BookingState } from '../../domain/bookings/booking';
import type { NoticeDelivery } from '../../domain/ports';
import type { AnswerFailure } from '../../domain/usecases/answer-request';
import type { StaffDecision } from './staff-links';

/** One answer to the staff, the same for the signed link's page and the API's JSON. */
export interface AnswerOutcome {
  status: number;
  /** `approved`, `declined`, or the failure code. */
  code: string;
  reasons: string[];
  reference?: string;
  state?: BookingState;
  /** ISO: the guest's payment deadline, on approval. */
  paymentDueAt?: string;
  /** Whether the guest could be told on their channel. */
  guestNotice?: NoticeDelivery;
}

const FAILURE_STATUS: Record<AnswerFailure, number> = {
  booking_not_found: 404,
  not_a_request: 409,
  already_answered: 409,
  request_lapsed: 409,
  conflict: 409,
  payment_unavailable: 502,
};

export function failureOutcome(code: AnswerFailure, state: BookingState | undefined): AnswerOutcome {
  const reason: Record<AnswerFailure, string> = {
    booking_not_found: 'no such booking request',
    not_a_request: `this booking is not a request to book (it is ${state ?? 'unknown'})`,
    already_answered: `this request was already answered: the booking is ${state ?? 'unknown'}`,
    request_lapsed: 'this request has already lapsed: nobody answered within 3 days, its nights are free again and the guest was told',
    conflict: 'the booking changed while answering; try again',
    payment_unavailable: 'the payment provider could not open a checkout; the request is still open, try again shortly',
  };
  return { status: FAILURE_STATUS[code], code, reasons: [reason[code]], ...(state ? { state } : {}) };
}

export function successOutcome(decision: StaffDecision, booking: { reference: string; state: BookingState; holdExpiresAt: string }, delivery: NoticeDelivery): AnswerOutcome {
  const told =
    delivery === 'sent'
      ? 'the guest has been told on their channel'
      : 'the guest could NOT be told on their channel: please contact them directly';
  const done = decision === 'approve' ? `approved: payment link sent, payable until ${booking.holdExpiresAt}` : 'declined: the nights are free again';
  return {
    status: 200,
    code: decision === 'approve' ? 'approved' : 'declined',
    reasons: [done, told],
    reference: booking.reference,
    state: booking.state,
    ...(decision === 'approve' ? { paymentDueAt: booking.holdExpiresAt } : {}),
    guestNotice: delivery,
  };
}
