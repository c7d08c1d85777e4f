import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { RequestDeps } from '../../domain/usecases/request-deps';
import { isJsonContentType, readRawBody } from '../http/raw-body';
import { sendProblem } from '../http/problem';
import type { Logger } from '../logger';
import type { AnswerOutcome } from './answer-outcome';
import { answerRequest } from './answer-service';
import { checkStaffToken } from './staff-token';

const answerBody = z.strictObject({
  decision: z.enum(['approve', 'decline'], { error: 'expected "approve" or "decline"' }),
  reason: z.string({ error: 'expected a string' }).trim().max(500, { error: 'at most 500 characters' }).optional(),
  /** When the path gives the booking id alone and it should not be searched across properties. */
  propertyId: z.string({ error: 'expected a property id' }).min(1).optional(),
});

export interface StaffApiOptions {
  deps: UseCaseDeps;
  answerDeps: () => RequestDeps | null;
  token: string | null;
  log: Logger;
}

/**
 * `POST /staff/requests/:id` with `{ "decision": "approve" | "decline", "reason"? }` and a
 * staff bearer token. `:id` is `propertyId:bookingId`, or the booking id alone (with
 * `propertyId` in the body, or looked up across the properties); `POST
 * /staff/requests/:propertyId/:bookingId` says the same in two segments.
 */
export function registerStaffApiRoutes(server: Server, options: StaffApiOptions): void {
  server.post('/staff/requests/:id', async (req, res) => handle(req, res, options, splitId(String(req.params.id ?? ''))));
  server.post('/staff/requests/:propertyId/:bookingId', async (req, res) =>
    handle(req, res, options, { propertyId: String(req.params.propertyId ?? ''), bookingId: String(req.params.bookingId ?? '') }),
  );
}

function splitId(id: string): { propertyId: string | null; bookingId: string } {
  const at = id.indexOf(':');
  return at > 0 ? { propertyId: id.slice(0, at), bookingId: id.slice(at + 1) } : { propertyId: null, bookingId: id };
}

async function handle(req: Request, res: Response, options: StaffApiOptions, target: { propertyId: string | null; bookingId: string }): Promise<void> {
  // Who is asking comes before what they ask: no answer tells a stranger whether a booking exists.
  const auth = checkStaffToken(options.token, req.header('authorization') || undefined);
  if (!auth.ok) {
    if (auth.status === 401) res.setHeader('www-authenticate', 'Bearer realm="majordome-staff"');
    options.log.info({ route: 'staff-requests', status: auth.status, code: auth.code }, 'staff request refused');
    return sendProblem(res, auth.status, auth.code, [auth.reason]);
  }
  const raw = await readRawBody(req, { maxBytes: 4096, contentTypes: isJsonContentType });
  if (!raw.ok) {
    if (raw.problem.status === 413) res.setHeader('connection', 'close');
    return sendProblem(res, raw.problem.status, raw.problem.code, [raw.problem.reason]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.raw.toString('utf8'));
  } catch {
    return sendProblem(res, 400, 'invalid_json', ['the body is not JSON']);
  }
  const body = answerBody.safeParse(json);
  if (!body.success) {
    return sendProblem(res, 400, 'invalid_body', body.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`));
  }
  if (!target.bookingId) return sendProblem(res, 400, 'invalid_path', ['expected a booking id in the path']);

  const found = await locate(options.deps, target.propertyId ?? body.data.propertyId ?? null, target.bookingId);
  if (!found.ok) return sendProblem(res, found.status, found.code, [found.reason]);
  const deps = options.answerDeps();
  if (!deps) return sendProblem(res, 503, 'not_ready', ['Majordome is starting; try again in a moment']);
  const outcome = await answerRequest(deps, options.log, {
    decision: body.data.decision,
    propertyId: found.propertyId,
    bookingId: target.bookingId,
    actor: 'staff:api',
    reason: body.data.reason || undefined,
  });
  sendOutcome(res, found.propertyId, target.bookingId, outcome);
}

type Located = { ok: true; propertyId: string } | { ok: false; status: 400 | 404; code: string; reason: string };

async function locate(deps: UseCaseDeps, propertyId: string | null, bookingId: string): Promise<Located> {
  if (propertyId !== null) {
    if (!deps.catalog.get(propertyId)) return { ok: false, status: 404, code: 'unknown_property', reason: `no property "${propertyId}"` };
    if (!(await deps.store.getBooking(propertyId, bookingId))) return { ok: false, status: 404, code: 'booking_not_found', reason: 'no such booking request' };
    return { ok: true, propertyId };
  }
  const holders: string[] = [];
  for (const property of deps.catalog.list()) if (await deps.store.getBooking(property.id, bookingId)) holders.push(property.id);
  const [only, ...others] = holders;
  if (!only) return { ok: false, status: 404, code: 'booking_not_found', reason: 'no such booking request' };
  if (others.length) return { ok: false, status: 400, code: 'ambiguous_booking', reason: 'several properties have this booking id: use propertyId:bookingId' };
  return { ok: true, propertyId: only };
}

function sendOutcome(res: Response, propertyId: string, bookingId: string, o: AnswerOutcome): void {
  if (o.status !== 200) {
    res.send(o.status, { error: o.code, reasons: o.reasons, propertyId, bookingId, ...(o.state ? { state: o.state } : {}) });
    return;
  }
  res.send(200, {
    decision: o.code,
    propertyId,
    bookingId,
    reference: o.reference,
    state: o.state,
    ...(o.paymentDueAt ? { paymentDueAt: o.paymentDueAt } : {}),
    guestNotice: o.guestNotice,
    reasons: o.reasons,
  });
}
