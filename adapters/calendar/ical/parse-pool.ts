import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { problem } from '../../../domain/calendar/feed-problem';
import type { FeedParseOutcome } from '../../../domain/calendar/sync-ports';
import type { ParseIcsOptions } from './parse-ics';
import type { ParseJob, ParseReply } from './parse-message';

export interface ParsePoolOptions {
  /** Worker threads; one keeps a core for conversations on a small machine. */
  size?: number;
  /** A parse that runs longer is abandoned and its worker replaced. */
  jobTimeoutMs?: number;
  /** Heap cap of each worker: a hostile feed exhausts its worker, not the bot. */
  maxHeapMb?: number;
  /**
   * Nice value of each worker thread (Linux), 0 to leave it: when cores are scarce the main
   * thread, which answers guests, comes first. A feed then takes longer on a busy machine,
   * which nobody waits for.
   */
  workerNice?: number;
}

interface Slot {
  worker: Worker;
  job: { id: number; resolve: (o: FeedParseOutcome) => void; timer: NodeJS.Timeout } | null;
}

interface Queued {
  body: Uint8Array;
  options: ParseIcsOptions;
  resolve: (o: FeedParseOutcome) => void;
}

/**
 * Starts a parse worker from wherever this module runs: the compiled `dist/` has a `.js`
 * worker next to it; from the TypeScript sources (tsx, ts-jest) the worker thread has no
 * loader of its own, so it registers tsx's CommonJS hook before requiring the `.ts` file.
 */
export function startParseWorker(resourceLimits?: { maxOldGenerationSizeMb: number }, nice = 10): Worker {
  const options = { workerData: { nice }, ...(resourceLimits ? { resourceLimits } : {}) };
  if (!__filename.endsWith('.ts')) return new Worker(path.join(__dirname, 'parse-worker.js'), options);
  const tsx = require.resolve('tsx/cjs');
  const entry = path.join(__dirname, 'parse-worker.ts');
  return new Worker(`require(${JSON.stringify(tsx)});\nrequire(${JSON.stringify(entry)});`, { ...options, eval: true });
}

const WARM_UP = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

/** A few long-lived worker threads that parse feeds one at a time each, in arrival order. */
export class IcsParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private readonly size: number;
  private readonly jobTimeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly workerNice: number;
  private nextId = 1;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 1);
    this.jobTimeoutMs = options.jobTimeoutMs ?? 60_000;
    this.maxHeapMb = options.maxHeapMb ?? 512;
    this.workerNice = options.workerNice ?? 10;
  }

  /**
   * The body is copied, so the caller's buffer stays usable; the copy is then transferred,
   * not cloned, to the worker.
   */
  parse(body: Uint8Array, options: ParseIcsOptions): Promise<FeedParseOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, problem: problem('unsupported', 'the calendar reader is shut down') });
    return new Promise((resolve) => {
      // A copy with its own ArrayBuffer: Buffer#slice would be a view, and transferring it would
      // detach the caller's memory (or Node's shared Buffer pool).
      this.queue.push({ body: new Uint8Array(body), options, resolve });
      this.pump();
    });
  }

  /** Starts the workers and waits until each has loaded the parser, so a first feed pays no start-up. */
  async warm(): Promise<void> {
    const range = { from: '2000-01-01', to: '2000-01-02' };
    const rules = { allDayEnd: 'departure' as const, nightStarts: '15:00', nightEnds: '11:00' };
    const body = new TextEncoder().encode(WARM_UP);
    await Promise.all(Array.from({ length: this.size }, () => this.parse(body, { timeZone: 'UTC', range, rules })));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.resolve({ ok: false, problem: problem('unsupported', 'the calendar reader is shut down') });
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot, 'the calendar reader is shut down')));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift();
      if (!next) return;
      this.run(slot, next);
    }
  }

  private spawn(): Slot {
    const worker = startParseWorker({ maxOldGenerationSizeMb: this.maxHeapMb }, this.workerNice);
    const slot: Slot = { worker, job: null };
    worker.on('message', (reply: ParseReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      clearTimeout(job.timer);
      slot.job = null;
      // An idle worker must not keep a finished process (the nights tool, a test) alive.
      worker.unref();
      job.resolve(reply.outcome);
      this.pump();
    });
    const lost = (why: string) => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      const job = slot.job;
      slot.job = null;
      if (job) {
        clearTimeout(job.timer);
        job.resolve({ ok: false, problem: problem('unsupported', why) });
      }
      this.pump();
    };
    worker.on('error', (error) => lost(`the calendar reader failed: ${error.message.slice(0, 200)}`));
    worker.on('exit', () => lost('the calendar reader stopped'));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, queued: Queued): void {
    const id = this.nextId++;
    const timer = setTimeout(() => void this.retire(slot, `the calendar took more than ${Math.round(this.jobTimeoutMs / 1000)} s to read`), this.jobTimeoutMs);
    timer.unref();
    slot.job = { id, resolve: queued.resolve, timer };
    slot.worker.ref();
    const job: ParseJob = { id, body: queued.body, options: queued.options };
    slot.worker.postMessage(job, [queued.body.buffer as ArrayBuffer]);
  }

  private async retire(slot: Slot, why: string): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = null;
    if (job) {
      clearTimeout(job.timer);
      job.resolve({ ok: false, problem: problem('unsupported', why) });
    }
    slot.worker.removeAllListeners('exit');
    await slot.worker.terminate();
    if (!this.closed) this.pump();
  }
}
