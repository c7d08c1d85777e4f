import { parentPort, workerData } from 'node:worker_threads';
import { problem } from '../../../domain/calendar/feed-problem';
import { decodeBody } from './decode-body';
import type { ParseJob, ParseReply } from './parse-message';
import { parseIcsFeed } from './parse-ics';
import { lowerThreadPriority } from './worker-priority';

/** The worker thread's side: decode, check and expand one feed at a time, off the main thread. */
if (!parentPort) throw new Error('parse-worker must run in a worker thread');
const port = parentPort;
// The nice value comes from the pool (0 leaves the priority alone).
const nice = typeof workerData === 'object' && workerData !== null && typeof (workerData as { nice?: unknown }).nice === 'number' ? (workerData as { nice: number }).nice : 10;
if (nice > 0) lowerThreadPriority(nice);

port.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  try {
    reply = { id: job.id, outcome: parseIcsFeed(decodeBody(job.body), job.options) };
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 200) : 'unexpected error';
    reply = { id: job.id, outcome: { ok: false, problem: problem('malformed', `the calendar could not be read: ${message}`) } };
  }
  port.postMessage(reply);
});
