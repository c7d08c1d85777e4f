import fc from 'fast-check';
import { startLoopbackApp, type LoopbackApp } from '../bot/messages-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { ANY_METHOD, bodies, headers, queryString, request, type Json } from './support/inputs';

/**
 * Guest text reaches the understanding of every turn. Messages of thousands of characters
 * are the 100 KB test's subject (issue 10, point 3); here text stays below the length at
 * which today's understanding is known to be slow, so every failure is a new finding.
 */
const LONGEST_GUEST_TEXT = 400;

function templates(serviceUrl: string): Json[] {
  const base = (conversationId: string) => ({
    id: `act-${conversationId}`,
    timestamp: '2027-11-20T09:00:00.000Z',
    channelId: 'emulator',
    serviceUrl,
    from: { id: `guest-${conversationId}`, role: 'user' },
    recipient: { id: 'majordome', role: 'bot' },
    conversation: { id: conversationId },
    locale: 'en-GB',
  });
  return [
    { ...base('fz-1'), type: 'message', text: 'Do you have a room from 12 to 15 December for 2 adults?', textFormat: 'plain' },
    { ...base('fz-2'), type: 'message', text: 'annuler', locale: 'fr-FR', channelData: { propertyId: 'gite-des-tilleuls' } },
    { ...base('fz-3'), type: 'message', text: '1', value: { action: 'book', offer: 0 } },
    { ...base('fz-4'), type: 'conversationUpdate', membersAdded: [{ id: 'guest-fz-4' }], membersRemoved: [] },
    { ...base('fz-5'), type: 'event', name: 'webchat/join', value: { locale: 'es' } },
    { ...base('fz-6'), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'x' } } },
    { ...base('fz-7'), type: 'messageReaction', reactionsAdded: [{ type: 'like' }] },
    { ...base('fz-8'), type: 'typing' },
    { ...base('fz-9'), type: 'endOfConversation', code: 'userCancelled' },
  ];
}

/** POST /api/messages without app credentials: loopback callers only, replies to a capture server on loopback. */
describe('fuzz: Bot Framework endpoint', () => {
  fuzzEndpoints<LoopbackApp>(
    () => startLoopbackApp(),
    [
      {
        name: 'POST /api/messages (activities of every type and shape, headers, framing)',
        request: (w) =>
          request({
            method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: ANY_METHOD }),
            target: fc.oneof({ weight: 6, arbitrary: fc.constant('/api/messages') }, { weight: 1, arbitrary: queryString({ a: fc.string() }).map((q) => `/api/messages${q}`) }),
            headers: fc
              .tuple(
                fc.oneof({ weight: 4, arbitrary: fc.constant<[string, string][]>([['content-type', 'application/json']]) }, { weight: 1, arbitrary: fc.constant<[string, string][]>([]) }),
                headers([fc.constantFrom('Bearer x', 'Bearer ', 'Basic YTpi', '').map((v): [string, string] => ['authorization', v])]),
              )
              .map(([own, more]) => [...own, ...more]),
            body: bodies(templates(w.capture.url), { longestRun: LONGEST_GUEST_TEXT }),
          }),
        documented5xx: [{ status: 501, when: "an invoke activity the bot does not handle: the Bot Framework's invoke response (botbuilder's ActivityHandler)" }],
        // An invoke's answer is the turn's own: the bot ran (and saved its state) before saying 501 or an invoke error.
        turnAnswer: (r) => r.status === 501 || /"type":"application\/vnd\.microsoft\.error"/.test(r.body.toString('utf8')),
      },
    ],
    (w) => ({ 'replies sent': w.capture.replies.length, 'calls to the channel': w.capture.unexpected.length }),
  );
});
