/** Messages between the turns benchmark (bot side) and its load process (channel side). */

export type LoadRequest =
  | {
      kind: 'run';
      label: string;
      /** The messages route to POST to. */
      url: string;
      text: string;
      locale: string;
      turns: number;
      /** Conversations in flight at once, each sending its next turn when the last one ended. */
      concurrency: number;
      maxSeconds: number;
      /** How long to keep listening for late replies after the last turn. */
      quietMs: number;
    }
  | { kind: 'exit' };

export interface RunResult {
  kind: 'result';
  label: string;
  turns: number;
  seconds: number;
  /** Per turn, ms from the POST's start to the end of its response (after every reply). */
  latencies: number[];
  replies: number;
  /** Turns answered with a non-200 status or with no reply. */
  errors: number;
  /** Turns the bot answered with its turn-failure message. */
  failedTurns: number;
  lateReplies: number;
  /** Replies to no activity of ours (proactive sends, or a wrong replyToId). */
  strayReplies: number;
  /** The time bound stopped the run before its turn count. */
  truncated: boolean;
}

export type LoadReply = { kind: 'ready'; serviceUrl: string } | RunResult | { kind: 'failed'; reason: string };
