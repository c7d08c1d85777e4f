import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { requestLapsesAt } from '../../domain/bookings/request-to-book';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { RequestDeps } from '../../domain/usecases/request-deps';
import { closedRequest } from '../../domain/usecases/request-state';
import { readRawBody } from '../http/raw-body';
import type { Logger } from '../logger';
import { failureOutcome } from './answer-outcome';
import { answerRequest } from './answer-service';
import { checkStaffLink, staffLinkPath, type StaffDecision } from './staff-links';
import { sendStaffPage } from './staff-page';

const formBody = z.object({ reason: z.string().trim().max(500, { error: 'reason: at most 500 characters' }).optional() });

const TITLES: Record<StaffDecision, { ask: string; button: string }> = {
  approve: { ask: 'Approve this booking request?', button: 'Approve and send the payment link' },
  decline: { ask: 'Decline this booking request?', button: 'Decline the request' },
};

export interface StaffLinkRouteOptions {
  deps: UseCaseDeps;
  /** Null until the payment gateway and the guest messenger are wired. */
  answerDeps: () => RequestDeps | null;
  secret: string | null;
  log: Logger;
}

/**
 * `GET /staff/requests/:propertyId/:bookingId/approve|decline?exp=…&sig=…` shows what the link
 * does and a button; only the POST of that button acts. Mail scanners and chat link previews
 * follow GETs, so a GET alone must never approve or decline anything.
 */
export function registerStaffLinkRoutes(server: Server, options: StaffLinkRouteOptions): void {
  for (const decision of ['approve', 'decline'] as const) {
    const path = `/staff/requests/:propertyId/:bookingId/${decision}`;
    server.get(path, async (req, res) => showLink(req, res, decision, options));
    server.post(path, async (req, res) => actOnLink(req, res, decision, options));
  }
}

interface Verified {
  propertyId: string;
  bookingId: string;
  exp: string;
  sig: string;
}

/** The link's ids, or null once a refusal page is sent: the link must be ours and still valid. */
function verify(req: Request, res: Response, decision: StaffDecision, options: StaffLinkRouteOptions): Verified | null {
  const propertyId = String(req.params.propertyId ?? '');
  const bookingId = String(req.params.bookingId ?? '');
  if (!options.secret) {
    sendStaffPage(res, 404, 'Link not available', ['Staff links are not enabled on this deployment (STAFF_LINK_SECRET is not set).']);
    return null;
  }
  const query = (req.query ?? {}) as Record<string, unknown>;
  const check = checkStaffLink(options.secret, decision, propertyId, bookingId, query.exp, query.sig, options.deps.clock.now());
  if (check !== 'ok') {
    // The signature itself is never logged: it is the secret part of someone's link.
    options.log.info({ propertyId, bookingId, decision, check }, 'staff link refused');
    const lines = check === 'expired' ? ['This link has expired. Answer the request from your staff tools instead.'] : ['This link is not valid: it may have been cut or altered.'];
    sendStaffPage(res, 403, check === 'expired' ? 'Link expired' : 'Invalid link', lines);
    return null;
  }
  return { propertyId, bookingId, exp: String(query.exp), sig: String(query.sig) };
}

async function showLink(req: Request, res: Response, decision: StaffDecision, options: StaffLinkRouteOptions): Promise<void> {
  const link = verify(req, res, decision, options);
  if (!link) return;
  const booking = await options.deps.store.getBooking(link.propertyId, link.bookingId);
  if (!booking) return sendStaffPage(res, 404, 'Request not found', ['No such booking request.']);
  const lapsesAt = requestLapsesAt(booking);
  if (booking.state !== 'requested' || options.deps.clock.now().getTime() >= lapsesAt.getTime()) {
    const outcome = booking.state === 'requested' ? failureOutcome('request_lapsed', 'requested') : failureOutcome(closedRequest(booking), booking.state);
    return sendStaffPage(res, outcome.status, `Request ${booking.reference}`, outcome.reasons);
  }
  const action = `${staffLinkPath(decision, link.propertyId, link.bookingId)}?${new URLSearchParams({ exp: link.exp, sig: link.sig }).toString()}`;
  sendStaffPage(
    res,
    200,
    TITLES[decision].ask,
    [
      `Request ${booking.reference}: ${booking.unitTypeId}, ${booking.stay.checkIn} to ${booking.stay.checkOut}, ${booking.party.adults} adult(s), ${booking.party.children} child(ren).`,
      `Unanswered, it lapses at ${lapsesAt.toISOString()}.`,
      ...(decision === 'approve' ? ['The guest will get a payment link on their channel and 48 hours to pay.'] : ['The nights will be free again and the guest told.']),
    ],
    { action, button: TITLES[decision].button, withReason: decision === 'decline' },
  );
}

async function actOnLink(req: Request, res: Response, decision: StaffDecision, options: StaffLinkRouteOptions): Promise<void> {
  const link = verify(req, res, decision, options);
  if (!link) return;
  const body = await readRawBody(req, { maxBytes: 4096, contentTypes: (t) => t === 'application/x-www-form-urlencoded' });
  if (!body.ok) {
    res.setHeader('connection', 'close');
    return sendStaffPage(res, body.problem.status, 'Request refused', [body.problem.reason]);
  }
  const fields = formBody.safeParse(Object.fromEntries(new URLSearchParams(body.raw.toString('utf8'))));
  if (!fields.success) return sendStaffPage(res, 400, 'Request refused', fields.error.issues.map((i) => i.message));
  const deps = options.answerDeps();
  if (!deps) return sendStaffPage(res, 503, 'Not ready', ['Majordome is starting; try again in a moment.']);
  const outcome = await answerRequest(deps, options.log, { decision, ...link, actor: 'staff:link', reason: fields.data.reason || undefined });
  const title = outcome.status === 200 ? (decision === 'approve' ? 'Request approved' : 'Request declined') : `Request ${outcome.reference ?? ''}`.trim();
  sendStaffPage(res, outcome.status, title, outcome.reasons);
}
