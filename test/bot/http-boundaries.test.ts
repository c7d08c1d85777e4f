import { parseMediaType, charsetRefusal } from '../../adapters/http/media-type';
import { guestMessage } from '../bench/support/guest-activity';
import { startWebchatApp, type WebchatTestApp } from '../adapters/channels/webchat/webchat-support';
import { startTestBot, type TestBot } from './messages-support';

/**
 * What the body readers and the activity checks refuse at the door, on the Bot Framework
 * endpoint (bot/http/raw-body.ts, messages-activity.ts) and on Direct Line (json-body.ts,
 * incoming-activity.ts): a 4xx that names the problem, never a turn that throws.
 */
const errorLines = (lines: string) => lines.split('\n').filter((l) => /"level":(40|50)/.test(l));

describe('the declared charset of a body', () => {
  it.each([
    ['application/json', null],
    ['application/json; charset=utf-8', null],
    ['application/json;charset=UTF-8', null],
    ['application/json; charset="utf-8"', null],
    ['application/json; charset=utf8', null],
    ['application/x-www-form-urlencoded; charset=UTF-8', null],
    ['application/json; charset=utf-16', 'charset utf-16 is not accepted: send UTF-8'],
    ['application/json; charset=UTF-16LE', 'charset utf-16le is not accepted: send UTF-8'],
    ['application/json; boundary=x; charset="iso-8859-1"', 'charset iso-8859-1 is not accepted: send UTF-8'],
  ])('%s: %s', (header, refusal) => {
    expect(charsetRefusal(parseMediaType(header))).toBe(refusal);
  });

  it('reads the media type without its parameters', () => {
    expect(parseMediaType(' Application/JSON ; charset=utf-8')).toEqual({ type: 'application/json', charset: 'utf-8' });
    expect(parseMediaType(undefined)).toEqual({ type: '', charset: null });
  });
});

describe('POST /api/messages at the door', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot?.close();
  });
  const activity = (conversationId: string, over: Record<string, unknown> = {}) => ({ ...guestMessage({ serviceUrl: bot.capture.url, conversationId, text: 'hello' }), ...over });

  it('refuses JSON in another charset than UTF-8 with 415 and the reason, and runs no turn', async () => {
    const body = activity('c-utf16');
    const res = await fetch(`${bot.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from(`\ufeff${JSON.stringify(body)}`, 'utf16le') });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'unsupported_media_type', reasons: ['charset utf-16 is not accepted: send UTF-8'] });
    expect(bot.capture.repliesTo(body.id)).toEqual([]);
    const fine = activity('c-utf8');
    expect((await bot.post(fine, { 'content-type': 'application/json; charset="UTF-8"' })).status).toBe(200);
    expect(bot.capture.repliesTo(fine.id).length).toBeGreaterThan(0);
  });

  it.each([
    ['membersAdded is not a list', { type: 'conversationUpdate', membersAdded: 'guest' }, 'membersAdded: expected a list'],
    ['a member is null', { type: 'conversationUpdate', membersAdded: [null] }, 'membersAdded[0]: expected an account with an id'],
    ['a member has no id', { type: 'conversationUpdate', membersAdded: [{ name: 'x' }] }, 'membersAdded[0].id: expected an id'],
    ['membersRemoved is an object', { type: 'conversationUpdate', membersRemoved: { id: 'x' } }, 'membersRemoved: expected a list'],
    ['reactionsAdded is a string', { type: 'messageReaction', reactionsAdded: 'like' }, 'reactionsAdded: expected a list'],
    ['from.name is a number', { from: { id: 'guest', name: 5 } }, 'from.name: expected a string'],
    ['conversation.isGroup is a string', { conversation: { id: 'c', isGroup: 'yes' } }, 'conversation.isGroup: expected true or false'],
    ['the timestamp is no date', { timestamp: 'yesterday-ish' }, 'timestamp: expected an ISO 8601 date and time'],
    ['entities is a string', { entities: 'mention' }, 'entities: expected a list'],
    ['an attachment is null', { attachments: [null] }, 'attachments[0]: expected an attachment'],
    ['channelData is a string', { channelData: 'chateau' }, 'channelData: expected an object'],
    ['name is a number', { type: 'event', name: 5 }, 'name: expected a string'],
    ['suggestedActions has no actions', { suggestedActions: { to: ['x'] } }, 'suggestedActions.actions: expected a list'],
  ])('answers 400 when %s, naming the field, and no turn runs', async (_label, over, reason) => {
    const before = bot.logLines().length;
    const body = activity('c-malformed', over);
    const res = await bot.post(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_activity', reasons: [expect.stringContaining(reason)] });
    expect(bot.capture.repliesTo(body.id)).toEqual([]);
    expect(errorLines(bot.logLines().slice(before))).toEqual([]);
  });

  it('takes a well-formed conversation update, and a null field as an absent one', async () => {
    const before = bot.logLines().length;
    const join = activity('c-join', { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'guest-c-join', name: '' }, { id: 'majordome' }], channelData: null, entities: null });
    expect((await bot.post(join)).status).toBe(200);
    expect(bot.capture.repliesTo(join.id).length).toBeGreaterThan(0);
    expect(errorLines(bot.logLines().slice(before))).toEqual([]);
  });
});

describe('Direct Line at the door', () => {
  let s: WebchatTestApp;
  beforeAll(async () => {
    s = await startWebchatApp();
  });
  afterAll(async () => {
    await s?.close();
  });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const { conversationId, token } = await s.widgetToken();
    return s.call('POST', `/v3/directline/conversations/${conversationId}/activities`, { auth: token, body, headers });
  };

  it('refuses JSON in another charset than UTF-8 with 415 and the reason, on activities and on the token endpoint', async () => {
    const utf16 = await post(Buffer.from(JSON.stringify({ type: 'message', text: 'hello' }), 'utf16le').toString('latin1'), { 'content-type': 'application/json; charset=utf-16' });
    expect(utf16.status).toBe(415);
    expect(utf16.body).toEqual({ error: { code: 'BadArgument', message: 'charset utf-16 is not accepted: send UTF-8' } });
    const token = await s.call('POST', '/webchat/token', { origin: s.origin, body: { property: 'chateau-de-vauclair' }, headers: { 'content-type': 'application/json; charset=windows-1252' } });
    expect(token.status).toBe(415);
    expect((await post({ type: 'message', text: 'hello' }, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it.each([
    ['entities is a string', { type: 'message', text: 'hi', entities: 'mention' }, 'entities'],
    ['an attachment is null', { type: 'message', attachments: [null] }, 'attachments.0'],
    ['from is a string', { type: 'message', text: 'hi', from: 'guest' }, 'from'],
    ['channelData is a list', { type: 'message', text: 'hi', channelData: [1] }, 'channelData'],
    ['the type is a conversation update', { type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }, 'type: expected type message, event or typing'],
  ])('answers 400 when %s, naming the field', async (_label, body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'BadArgument', message: expect.stringContaining(`invalid activity: ${field}`) } });
  });

  it('drops what a client may not set, membersAdded included, and the turn runs without an error', async () => {
    const before = s.logLines().length;
    const res = await post({ type: 'message', text: 'hello', membersAdded: 'guest', membersRemoved: [null], recipient: 5, conversation: 'other' });
    expect(res.status).toBe(200);
    expect(errorLines(s.logLines().slice(before))).toEqual([]);
  });
});
