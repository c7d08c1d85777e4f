import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { requestLapsesAt } from '../../domain/bookings/request-to-book';
import type { Locale } from '../../domain/catalog/locales';
import type { NoticeDelivery } from '../../domain/ports';
import type { AnswerFailure } from '../../domain/usecases/answer-request';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { RequestDeps } from '../../domain/usecases/request-deps';
import { closedRequest } from '../../domain/usecases/request-state';
import { readRawBody } from '../http/raw-body';
import type { Logger } from '../logger';
import { failureOutcome } from './answer-outcome';
import { answerRequest } from './answer-service';
import { checkStaffLink, staffLinkPath, type StaffDecision } from './staff-links';
import { sendStaffPage } from './staff-page';
import { STAFF_PAGE_TEXTS, type StaffPageTexts } from './staff-page-texts';

const formBody = z.object({ reason: z.string().trim().max(500, { error: 'reason: at most 500 characters' }).optional() });

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

/**
 * The page speaks the property's default language: the staff of a French gîte read French.
 * The property id comes from the URL before the signature is checked; it only picks the
 * language, and an unknown one gets English.
 */
function localeOf(req: Request, options: StaffLinkRouteOptions): Locale {
  return options.deps.catalog.get(String(req.params.propertyId ?? ''))?.defaultLocale ?? 'en';
}

/** The link's ids, or null once a refusal page is sent: the link must be ours and still valid. */
function verify(req: Request, res: Response, decision: StaffDecision, options: StaffLinkRouteOptions, locale: Locale): Verified | null {
  const t = STAFF_PAGE_TEXTS[locale];
  const propertyId = String(req.params.propertyId ?? '');
  const bookingId = String(req.params.bookingId ?? '');
  if (!options.secret) {
    sendStaffPage(res, locale, 404, t.linksDisabled.title, [t.linksDisabled.line]);
    return null;
  }
  const query = (req.query ?? {}) as Record<string, unknown>;
  const check = checkStaffLink(options.secret, decision, propertyId, bookingId, query.exp, query.sig, options.deps.clock.now());
  if (check !== 'ok') {
    // The signature itself is never logged: it is the secret part of someone's link.
    options.log.info({ propertyId, bookingId, decision, check }, 'staff link refused');
    const page = check === 'expired' ? t.linkExpired : t.linkInvalid;
    sendStaffPage(res, locale, 403, page.title, [page.line]);
    return null;
  }
  return { propertyId, bookingId, exp: String(query.exp), sig: String(query.sig) };
}

async function showLink(req: Request, res: Response, decision: StaffDecision, options: StaffLinkRouteOptions): Promise<void> {
  const locale = localeOf(req, options);
  const t = STAFF_PAGE_TEXTS[locale];
  const link = verify(req, res, decision, options, locale);
  if (!link) return;
  const booking = await options.deps.store.getBooking(link.propertyId, link.bookingId);
  if (!booking) return sendStaffPage(res, locale, 404, t.notFound.title, [t.notFound.line]);
  const lapsesAt = requestLapsesAt(booking);
  if (booking.state !== 'requested' || options.deps.clock.now().getTime() >= lapsesAt.getTime()) {
    const code: AnswerFailure = booking.state === 'requested' ? 'request_lapsed' : closedRequest(booking);
    return sendStaffPage(res, locale, failureOutcome(code, booking.state).status, t.request(booking.reference), [t.failure(code, booking.state)]);
  }
  const action = `${staffLinkPath(decision, link.propertyId, link.bookingId)}?${new URLSearchParams({ exp: link.exp, sig: link.sig }).toString()}`;
  const { reference, unitTypeId, stay, party } = booking;
  sendStaffPage(
    res,
    locale,
    200,
    t.ask[decision],
    [t.summary({ reference, unitTypeId, checkIn: stay.checkIn, checkOut: stay.checkOut, adults: party.adults, children: party.children }), t.lapsesAt(lapsesAt.toISOString()), t.effect[decision]],
    { action, button: t.button[decision], reasonLabel: decision === 'decline' ? t.reasonLabel : null },
  );
}

async function actOnLink(req: Request, res: Response, decision: StaffDecision, options: StaffLinkRouteOptions): Promise<void> {
  const locale = localeOf(req, options);
  const t = STAFF_PAGE_TEXTS[locale];
  const link = verify(req, res, decision, options, locale);
  if (!link) return;
  const body = await readRawBody(req, { maxBytes: 4096, contentTypes: (type) => type === 'application/x-www-form-urlencoded' });
  if (!body.ok) {
    res.setHeader('connection', 'close');
    return sendStaffPage(res, locale, body.problem.status, t.refused, [body.problem.reason]);
  }
  const fields = formBody.safeParse(Object.fromEntries(new URLSearchParams(body.raw.toString('utf8'))));
  if (!fields.success) return sendStaffPage(res, locale, 400, t.refused, fields.error.issues.map((i) => i.message));
  const deps = options.answerDeps();
  if (!deps) return sendStaffPage(res, locale, 503, t.notReady.title, [t.notReady.line]);
  const outcome = await answerRequest(deps, options.log, { decision, ...link, actor: 'staff:link', reason: fields.data.reason || undefined });
  if (outcome.status === 200) return sendStaffPage(res, locale, 200, t.done[decision], successLines(t, decision, outcome.paymentDueAt, outcome.guestNotice));
  const title = outcome.reference ? t.request(outcome.reference) : t.refused;
  sendStaffPage(res, locale, outcome.status, title, outcome.failure ? [t.failure(outcome.failure, outcome.state)] : outcome.reasons);
}

function successLines(t: StaffPageTexts, decision: StaffDecision, paymentDueAt: string | undefined, delivery: NoticeDelivery | undefined): string[] {
  const done = decision === 'approve' ? t.approved(paymentDueAt ?? '') : t.declined;
  return delivery ? [done, t.guestTold(delivery)] : [done];
}
