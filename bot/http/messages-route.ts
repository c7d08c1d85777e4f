import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { MajordomeAdapter } from '../bot-adapter';
import type { Logger } from '../logger';
import { loggableError, turnIds } from '../turn-error';
import type { TurnQueue } from '../turn-queue';
import { refuseCaller, refuseServiceUrl } from './loopback-guard';
import { parseActivity } from './messages-activity';
import { sendProblem } from './problem';
import { isJsonContentType, readRawBody } from './raw-body';

/** Channels cap an activity well below this (Direct Line: 256 KB); a bigger body is not a guest's message. */
export const MAX_ACTIVITY_BYTES = 512 * 1024;

export interface MessagesRouteDeps {
  adapter: MajordomeAdapter;
  /** The bot's turn: `bot.run(context)`. */
  logic: (context: TurnContext) => Promise<void>;
  queue: TurnQueue;
  log: Logger;
  /** No app credentials: only loopback callers, only loopback serviceUrls. */
  loopbackOnly: boolean;
}

/**
 * POST /api/messages, the Bot Framework protocol's entry. The order matters: a refused caller
 * costs no body read; a malformed body never reaches the SDK; a serviceUrl is checked before
 * the SDK opens a connector to it. The response is sent once the turn is over, i.e. after
 * every reply has been POSTed to the serviceUrl: the SDK awaits each one.
 */
export function messagesHandler(deps: MessagesRouteDeps): (req: Request, res: Response) => Promise<void> {
  const { adapter, logic, queue, log, loopbackOnly } = deps;
  return async (req, res) => {
    if (loopbackOnly) {
      const refused = refuseCaller(req.socket.remoteAddress, req.headers);
      if (refused) {
        log.info({ code: refused.code }, 'refused a message request');
        return sendProblem(res, refused.status, refused.code, [refused.reason]);
      }
    }
    const body = await readRawBody(req, { maxBytes: MAX_ACTIVITY_BYTES, contentTypes: isJsonContentType });
    if (!body.ok) {
      if (body.problem.status === 413) res.setHeader('connection', 'close');
      return sendProblem(res, body.problem.status, body.problem.code, [body.problem.reason]);
    }
    const parsed = parseActivity(body.raw);
    if (!parsed.ok) return sendProblem(res, 400, 'invalid_activity', parsed.reasons);
    const activity: Activity = parsed.activity;
    if (loopbackOnly) {
      const refused = refuseServiceUrl(activity.serviceUrl);
      if (refused) {
        log.info({ code: refused.code, ...turnIds(activity) }, 'refused a message request');
        return sendProblem(res, refused.status, refused.code, [refused.reason]);
      }
    }
    // Without credentials there is nothing to check a token against (and checking one would
    // fetch Microsoft's signing keys): the loopback checks above are the authentication.
    const authHeader = loopbackOnly ? '' : (req.headers.authorization ?? '');

    let response: InvokeResponse | undefined;
    try {
      const turn = queue.run(`${activity.channelId}/${activity.conversation.id}`, () => adapter.processParsed(authHeader, activity, logic));
      if (!turn) return sendProblem(res, 429, 'too_many_turns', ['this conversation already has too many messages waiting']);
      response = await turn;
    } catch (error) {
      if (error instanceof AuthenticationError) {
        const status = error.statusCode === 403 ? 403 : 401;
        return sendProblem(res, status, 'unauthorized', [`Bot Framework authentication failed: ${error.message}`]);
      }
      // onTurnError handles the bot's own failures; this is the SDK failing around the turn.
      log.error({ ...turnIds(activity), err: loggableError(error, activity) }, 'message request failed');
      return sendProblem(res, 500, 'turn_failed', ['the bot could not process this activity']);
    }
    if (response) res.send(response.status, response.body);
    else res.send(200);
  };
}
