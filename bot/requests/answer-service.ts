import { approveRequest, declineRequest } from '../../domain/usecases/answer-request';
import type { RequestDeps } from '../../domain/usecases/request-deps';
import type { Logger } from '../logger';
import { failureOutcome, successOutcome, type AnswerOutcome } from './answer-outcome';
import type { StaffDecision } from './staff-links';

export interface StaffAnswer {
  decision: StaffDecision;
  propertyId: string;
  bookingId: string;
  /** How the staff answered: `staff:link` or `staff:api`. */
  actor: string;
  reason?: string | undefined;
}

/** Runs a staff decision and says what happened; ids only in the log, never the staff's words. */
export async function answerRequest(deps: RequestDeps, log: Logger, answer: StaffAnswer): Promise<AnswerOutcome> {
  const req = { propertyId: answer.propertyId, bookingId: answer.bookingId, actor: answer.actor, reason: answer.reason };
  const ids = { propertyId: answer.propertyId, bookingId: answer.bookingId, decision: answer.decision, actor: answer.actor };
  if (answer.decision === 'approve') {
    const done = await approveRequest(deps, req);
    if (!done.ok) {
      log.info({ ...ids, code: done.code, state: done.detail?.state }, 'booking request answer refused');
      return failureOutcome(done.code, done.detail?.state);
    }
    log.info({ ...ids, state: done.value.booking.state, paymentDueAt: done.value.booking.holdExpiresAt, guestNotice: done.value.delivery }, 'booking request approved');
    return successOutcome('approve', done.value.booking, done.value.delivery);
  }
  const done = await declineRequest(deps, req);
  if (!done.ok) {
    log.info({ ...ids, code: done.code, state: done.detail?.state }, 'booking request answer refused');
    return failureOutcome(done.code, done.detail?.state);
  }
  log.info({ ...ids, state: done.value.booking.state, guestNotice: done.value.delivery }, 'booking request declined');
  return successOutcome('decline', done.value.booking, done.value.delivery);
}
