import type { BookingState } from '../../domain/bookings/booking';
import type { NoticeDelivery } from '../../domain/ports';
import type { AnswerFailure } from '../../domain/usecases/answer-request';
import type { StaffDecision } from './staff-links';
import { STAFF_PAGE_TEXTS } from './staff-page-texts';

/** One answer to the staff, the same for the signed link's page and the API's JSON. */
export interface AnswerOutcome {
  status: number;
  /** `approved`, `declined`, or the failure code. */
  code: string;
  /** The failure, typed, for the staff page to say it in the property's language. */
  failure?: AnswerFailure;
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

/** The staff API's reasons are English, from the same table as the staff pages. */
const EN = STAFF_PAGE_TEXTS.en;

export function failureOutcome(code: AnswerFailure, state: BookingState | undefined): AnswerOutcome {
  return { status: FAILURE_STATUS[code], code, failure: code, reasons: [EN.failure(code, state)], ...(state ? { state } : {}) };
}

export function successOutcome(decision: StaffDecision, booking: { reference: string; state: BookingState; holdExpiresAt: string }, delivery: NoticeDelivery): AnswerOutcome {
  const done = decision === 'approve' ? EN.approved(booking.holdExpiresAt) : EN.declined;
  return {
    status: 200,
    code: decision === 'approve' ? 'approved' : 'declined',
    reasons: [done, EN.guestTold(delivery)],
    reference: booking.reference,
    state: booking.state,
    ...(decision === 'approve' ? { paymentDueAt: booking.holdExpiresAt } : {}),
    guestNotice: delivery,
  };
}
