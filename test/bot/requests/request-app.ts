import type { Config } from '../../../bot/config';
import type { StaffConfig } from '../../../bot/staff-config';
import type { Booking } from '../../../domain/bookings/booking';
import type { MemoryStore } from '../../../adapters/store/memory';
import type { StaffAlert } from '../../../domain/ports';
import { ConnectorCapture } from '../../bench/support/connector-capture';
import { guestMessage } from '../../bench/support/guest-activity';
import { FakeClock } from '../../fakes/clock';
import { startLoopbackApp, type LoopbackApp } from '../messages-support';

export const GITE = 'gite-des-tilleuls';
export const STAFF: StaffConfig = { linkSecret: 'link-secret-for-tests-0123456789abcdef', token: 'staff-token-for-tests-0123456789abcdef' };
export const START = '2027-11-20T09:00:00.000Z';

/** The whole app on loopback, with the clock, store and staff settings a request-to-book test needs. */
export interface RequestApp extends LoopbackApp {
  alerts: StaffAlert[];
}

export async function startRequestApp(options: { store?: MemoryStore; clock?: FakeClock; staff?: StaffConfig; config?: Partial<Config>; capture?: ConnectorCapture } = {}): Promise<RequestApp> {
  const alerts: StaffAlert[] = [];
  const started = await startLoopbackApp({
    clock: options.clock ?? new FakeClock(Date.parse(START)),
    capture: options.capture,
    config: options.config,
    over: {
      notifier: { notify: async (alert) => void alerts.push(alert) },
      staff: options.staff ?? STAFF,
      ...(options.store ? { store: options.store } : {}),
    },
  });
  return { ...started, alerts };
}

/** Says something in a conversation on the gîte and returns the bot's replies to it. */
export async function say(r: RequestApp, conversationId: string, text: string): Promise<string[]> {
  const message = { ...guestMessage({ serviceUrl: r.capture.url, conversationId, text, locale: 'en-GB' }), channelData: { propertyId: GITE } };
  const res = await fetch(`${r.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
  if (res.status !== 200) throw new Error(`/api/messages answered ${res.status}`);
  return r.capture.repliesTo(message.id).map((reply) => String(reply.activity.text ?? ''));
}

/** A guest asks for the gîte through /api/messages; returns the booking, now `requested`. */
export async function requestTheGite(r: RequestApp, conversationId: string, stay = 'from 12 to 15 December'): Promise<Booking> {
  await say(r, conversationId, `Is the gite free ${stay} for 2 adults?`);
  await say(r, conversationId, '1');
  await say(r, conversationId, 'Alex Morgan');
  await say(r, conversationId, 'alex@example.com');
  await say(r, conversationId, '+33612345678');
  const done = (await say(r, conversationId, 'yes')).join('\n');
  const reference = /reference ([A-HJ-NP-Z2-9]{6})\b/.exec(done)?.[1];
  if (!reference) throw new Error(`no request reference in: ${done}`);
  const booking = await r.app.deps.store.findBookingByReference(GITE, reference);
  if (!booking) throw new Error(`no booking ${reference}`);
  return booking;
}

/** What the bot said to a conversation after the first `since` replies captured: notices told later. */
export function toldSince(r: RequestApp, conversationId: string, since: number): string[] {
  return r.capture.replies.slice(since).filter((c) => c.conversationId === conversationId).map((c) => String(c.activity.text ?? ''));
}
