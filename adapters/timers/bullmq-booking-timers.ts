import { DelayedError, Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { z } from 'zod';
import type { BookingTimerKind, BookingTimers, Clock } from '../../domain/ports';
import { queueNameOf } from './bullmq-recurring-jobs';
import type { TimerHandler, TimerLog } from './timer-handler';

/** A hash tag, so every key of the queue lands in one slot of a Redis Cluster. */
const BULL_PREFIX = '{bull}';
const JOB_NAME = 'booking-deadline';

const jobData = z.object({
  kind: z.enum(['request_lapse', 'payment_window']),
  propertyId: z.string().min(1),
  bookingId: z.string().min(1),
  /** ISO instant by the app's clock; BullMQ's own delay runs on the machine's clock. */
  at: z.string(),
});

export interface BullBookingTimersOptions {
  /** A shared ioredis connection (maxRetriesPerRequest null) or options for one; the worker opens its own blocking one. */
  connection: ConnectionOptions;
  /** Queue names cannot hold ':'; see bookingTimersQueueName. */
  queueName: string;
  clock: Clock;
  handler: TimerHandler;
  log: TimerLog;
  concurrency?: number;
}

export function bookingTimersQueueName(redisKeyPrefix: string): string {
  return queueNameOf(redisKeyPrefix, 'booking-timers');
}

/** One job per booking and kind: adding it again while it waits is a no-op in BullMQ. No ':' allowed. */
export function bookingTimerJobId(kind: BookingTimerKind, propertyId: string, bookingId: string): string {
  return [kind, propertyId, bookingId].map((part) => encodeURIComponent(part)).join('.');
}

/**
 * Booking timers as BullMQ delayed jobs, when Redis is configured: they survive restarts and
 * run once on whichever instance takes them. A job that comes due before its booking's
 * deadline (the deadline moved, or this machine's clock and the app's disagree) goes back to
 * the delayed set rather than completing.
 */
export class BullBookingTimers implements BookingTimers {
  private constructor(
    readonly queue: Queue,
    private readonly worker: Worker,
    private readonly clock: Clock,
  ) {}

  static async start(options: BullBookingTimersOptions): Promise<BullBookingTimers> {
    const connection = options.connection;
    const queue = new Queue(options.queueName, { connection, prefix: BULL_PREFIX });
    queue.on('error', (error) => options.log.error({ err: error, queue: options.queueName }, 'booking timers queue error'));
    const worker = new Worker(
      options.queueName,
      async (job: Job, token?: string) => {
        const data = jobData.safeParse(job.data);
        if (!data.success) {
          options.log.error({ jobId: job.id, queue: options.queueName }, 'booking timer with unexpected data skipped');
          return;
        }
        const { kind, propertyId, bookingId } = data.data;
        const again = await options.handler({ kind, propertyId, bookingId });
        if (!again) return;
        await job.updateData({ ...data.data, at: again.toISOString() });
        await job.moveToDelayed(Date.now() + Math.max(0, again.getTime() - options.clock.now().getTime()), token);
        // Tells BullMQ the job was moved on purpose, not failed.
        throw new DelayedError();
      },
      { connection, prefix: BULL_PREFIX, concurrency: options.concurrency ?? 4 },
    );
    worker.on('error', (error) => options.log.error({ err: error, queue: options.queueName }, 'booking timers worker error'));
    worker.on('failed', (job, error) =>
      options.log.error({ err: error, jobId: job?.id, attempts: job?.attemptsMade, queue: options.queueName }, 'booking timer failed'),
    );
    // Closing a connection still initialising emits an error nobody can catch: start fully first.
    await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);
    return new BullBookingTimers(queue, worker, options.clock);
  }

  async schedule(kind: BookingTimerKind, propertyId: string, bookingId: string, at: Date): Promise<void> {
    await this.queue.add(
      JOB_NAME,
      { kind, propertyId, bookingId, at: at.toISOString() },
      {
        jobId: bookingTimerJobId(kind, propertyId, bookingId),
        delay: Math.max(0, at.getTime() - this.clock.now().getTime()),
        // Done jobs go, so a later schedule of the same timer (a boot's rebuild) is not swallowed.
        removeOnComplete: true,
        removeOnFail: 1000,
        // The store briefly unreachable must not lose a deadline.
        attempts: 8,
        backoff: { type: 'exponential', delay: 30_000 },
      },
    );
  }

  /**
   * Promotes the delayed jobs whose instant has come by the app's clock: a clock that was set
   * forward (or a test's fake clock) is followed without waiting for the machine's time.
   */
  async runDue(): Promise<number> {
    const now = this.clock.now().getTime();
    let promoted = 0;
    for (const job of await this.queue.getDelayed()) {
      const data = jobData.safeParse(job.data);
      if (!data.success || Date.parse(data.data.at) > now) continue;
      try {
        await job.promote();
        promoted++;
      } catch {
        // Taken by a worker (or removed) between the listing and now: nothing left to promote.
      }
    }
    return promoted;
  }

  async close(): Promise<void> {
    // Finish the checks in hand before closing, so none completes on a closing connection.
    await this.worker.pause();
    await this.worker.close();
    await this.queue.close();
  }
}
