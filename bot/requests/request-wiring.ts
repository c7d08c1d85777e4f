import type { Server } from 'restify';
import type { TimerHandler } from '../../adapters/timers/timer-handler';
import type { BookingEventSubscriptions } from '../../domain/bookings/booking-events';
import type { GuestMessenger, PaymentGateway, StaffNotifier } from '../../domain/ports';
import { subscribeDeadlineTimers } from '../../domain/usecases/deadline-timers';
import type { UseCaseDeps } from '../../domain/usecases/deps';
import type { RequestDeps } from '../../domain/usecases/request-deps';
import { runDeadline, scheduleOpenDeadlines } from '../../domain/usecases/request-deadlines';
import type { Config } from '../config';
import type { Infrastructure, StartedTimers } from '../infrastructure/infrastructure';
import type { Logger } from '../logger';
import type { StaffConfig } from '../staff-config';
import { alertStaffOfRequests } from './request-alert';
import { registerStaffApiRoutes } from './staff-api-route';
import { registerStaffLinkRoutes } from './staff-link-route';

export interface RequestOverrides {
  /** Default: read from the environment (STAFF_LINK_SECRET, STAFF_TOKEN). */
  staff?: StaffConfig;
}

export interface RequestToBook {
  /** The staff notifier the requests alert through (the one given). */
  notifier: StaffNotifier;
  /** Starts the deadlines once the payment gateway and the guest messenger exist. */
  answerWith(services: { payments: PaymentGateway; messenger: GuestMessenger }): Promise<void>;
  /** Runs now the deadlines whose instant has come by the app's clock (a clock set forward). */
  runDueTimers(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Request-to-book in the app: the staff routes (signed links, token API), the staff alert of
 * each new request, and the timers that lapse unanswered requests and end unpaid payment
 * windows — BullMQ jobs with Redis, in-process timers rebuilt from the store at boot otherwise.
 * Alert and timers hang from the booking events (`requested`, `approved`).
 */
export function startRequestToBook(args: { deps: UseCaseDeps; infrastructure: Infrastructure; server: Server; config: Config; log: Logger; notifier: StaffNotifier; events: BookingEventSubscriptions; over?: RequestOverrides }): RequestToBook {
  const { deps, server, config, log } = args;
  const staff = args.over?.staff ?? config.staff;
  if (!staff.linkSecret) log.info({}, 'STAFF_LINK_SECRET is not set: booking request alerts carry no approve/decline links');
  if (!staff.token) log.info({}, 'STAFF_TOKEN is not set: POST /staff/requests/:id refuses every call');

  let answerDeps: RequestDeps | null = null;
  let timers: StartedTimers | null = null;
  let closed = false;

  const { notifier } = args;
  // The lapse timer first: a request whose alert cannot be sent still lapses on time.
  subscribeDeadlineTimers(args.events, () => timers);
  alertStaffOfRequests(args.events, { notifier, links: staff.linkSecret ? { baseUrl: config.publicBaseUrl, secret: staff.linkSecret } : null });
  registerStaffLinkRoutes(server, { deps, answerDeps: () => answerDeps, secret: staff.linkSecret, log });
  registerStaffApiRoutes(server, { deps, answerDeps: () => answerDeps, token: staff.token, log });

  return {
    notifier,
    async answerWith({ payments, messenger }) {
      const handler: TimerHandler = async ({ kind, propertyId, bookingId }) => {
        const outcome = await runDeadline({ ...deps, messenger, notifier }, kind, propertyId, bookingId);
        if (outcome.kind === 'expired') log.info({ kind, propertyId, bookingId, guestNotice: outcome.delivery }, 'booking deadline passed');
        return outcome.kind === 'not_due' ? outcome.at : null;
      };
      timers = await args.infrastructure.bookingTimers(deps.clock, handler);
      if (closed) return timers.close();
      answerDeps = { ...deps, payments, messenger, notifier };
      // In memory the timers died with the last process; with Redis this brings back a lost job.
      const scheduled = await scheduleOpenDeadlines({ ...deps, timers });
      log.info({ scheduled, timers: args.infrastructure.kind === 'redis' ? 'bullmq' : 'memory' }, 'booking request deadlines scheduled');
    },
    runDueTimers: async () => (timers ? timers.runDue() : 0),
    async close() {
      closed = true;
      await timers?.close();
    },
  };
}
