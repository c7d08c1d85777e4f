/**
 * The benchmark's channel, in its own process so its work does not share the bot's event
 * loop: it POSTs guest activities to /api/messages the way a Bot Framework channel does, and
 * runs the Connector stand-in that the bot's replies are POSTed to. Driven over IPC by
 * test/bench/turns-bench.ts; exits when told to or when its parent goes away.
 */
import http from 'node:http';
import { TURN_ERROR_TEXT } from '../../../bot/turn-error-text';
import { ConnectorCapture } from './connector-capture';
import { guestMessage } from './guest-activity';
import type { LoadReply, LoadRequest, RunResult } from './turns-protocol';

const send = (message: LoadReply) => process.send?.(message);

/** What the bot says when a turn fails: such a turn counts as failed, not as served. */
const FAILURE_TEXTS = new Set(Object.values(TURN_ERROR_TEXT).flatMap((byLocale) => Object.values(byLocale)));

interface Turn {
  replies: number;
  failed: boolean;
  /** performance.now() when the POST's response ended; replies after it are late. */
  postEndedAt: number | null;
}

async function main(): Promise<void> {
  // Replies are counted as they arrive rather than kept: thousands of turns per run.
  const capture = await ConnectorCapture.start({ keepReplies: false });
  const turns = new Map<string, Turn>();
  let lateReplies = 0;
  let strayReplies = 0;
  capture.onReply((reply) => {
    const turn = reply.replyToId === undefined ? undefined : turns.get(reply.replyToId);
    if (!turn) {
      strayReplies += 1;
      return;
    }
    turn.replies += 1;
    if (typeof reply.activity.text === 'string' && FAILURE_TEXTS.has(reply.activity.text)) turn.failed = true;
    if (turn.postEndedAt !== null) lateReplies += 1;
  });

  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const post = (url: URL, body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end(body);
    });

  let runs = 0;
  async function run(request: Extract<LoadRequest, { kind: 'run' }>): Promise<RunResult> {
    const url = new URL(request.url);
    const latencies: number[] = [];
    let errors = 0;
    let failedTurns = 0;
    let replies = 0;
    let issued = 0;
    const prefix = `${request.label}-${process.pid}-${++runs}`;
    const deadline = performance.now() + request.maxSeconds * 1000;
    const started = performance.now();
    const conversation = async () => {
      while (issued < request.turns && performance.now() < deadline) {
        const i = issued++;
        // A fresh conversation for every turn: each one is a guest's first message.
        const activity = guestMessage({ serviceUrl: capture.url, conversationId: `${prefix}-${i}`, text: request.text, locale: request.locale });
        const turn: Turn = { replies: 0, failed: false, postEndedAt: null };
        turns.set(activity.id, turn);
        const body = JSON.stringify(activity);
        const t0 = performance.now();
        let status = 0;
        try {
          status = await post(url, body);
        } catch {
          status = 0;
        }
        // The adapter awaits each reply's POST before answering, so the response ends the turn.
        turn.postEndedAt = performance.now();
        latencies.push(turn.postEndedAt - t0);
        replies += turn.replies;
        if (status !== 200 || turn.replies === 0) errors += 1;
        if (turn.failed) failedTurns += 1;
      }
    };
    await Promise.all(Array.from({ length: request.concurrency }, conversation));
    const seconds = (performance.now() - started) / 1000;
    // A reply posted after its turn's response would mean the turn's end was measured too early.
    await new Promise((r) => setTimeout(r, request.quietMs));
    const counted = { lateReplies, strayReplies };
    lateReplies = 0;
    strayReplies = 0;
    turns.clear();
    return { kind: 'result', label: request.label, turns: latencies.length, seconds, latencies, replies, errors, failedTurns, ...counted, truncated: latencies.length < request.turns };
  }

  process.on('message', (message: LoadRequest) => {
    if (message.kind === 'exit') {
      agent.destroy();
      void capture.close().then(() => process.exit(0));
      return;
    }
    run(message).then(
      (result) => send(result),
      (error: unknown) => send({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The parent died or dropped us: nothing left to measure.
  process.on('disconnect', () => process.exit(0));
  send({ kind: 'ready', serviceUrl: capture.url });
}

main().catch((error: unknown) => {
  send({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
