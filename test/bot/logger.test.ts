import { createServer, request, ServerResponse, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger, REDACTED } from '../../bot/logger';

function capture(): { lines: () => Record<string, unknown>[]; log: ReturnType<typeof createLogger> } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { log: createLogger('info', sink), lines: () => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the logger', () => {
  it.each(['authorization', 'cookie', 'stripe-signature', 'x-hub-signature-256', 'x-twilio-signature', 'token', 'access_token', 'verify_token', 'hub.verify_token', 'secret', 'password', 'body', 'rawBody', 'name', 'email', 'phone', 'guest'])(
    'redacts %s at any depth, in objects and arrays, whatever its case',
    (key) => {
      const value = 'Zq9-leaked-value';
      const { log, lines } = capture();
      log.info({ [key]: value, a: { [key.toUpperCase()]: value }, b: { headers: { [key]: value } }, c: { d: [{ e: { f: { g: { [key]: value } } } }] } }, 'm');
      const [line] = lines();
      expect(line).toMatchObject({ [key]: REDACTED, a: { [key.toUpperCase()]: REDACTED }, b: { headers: { [key]: REDACTED } }, c: { d: [{ e: { f: { g: { [key]: REDACTED } } } }] } });
      expect(JSON.stringify(line)).not.toContain(value);
    },
  );

  it('redacts the bindings of a child logger and the fields of a logged error', () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error('No signatures found'), { header: 't=1,v1=abc', payload: '{"guest":"Camille"}', statusCode: 400 });
    log.child({ token: 'Zq9-child-token', conversationId: 'c-1' }).warn({ err: error, cause: { first: error } }, 'refused');
    const [line] = lines();
    const serialized = { message: 'No signatures found', payload: REDACTED, statusCode: 400 };
    expect(line).toMatchObject({ token: REDACTED, conversationId: 'c-1', err: serialized, cause: { first: serialized } });
    expect(JSON.stringify(line)).not.toMatch(/Zq9-child-token|Camille/);
  });

  it('cuts an object nested deeper than a log line needs', () => {
    const { log, lines } = capture();
    let deep: Record<string, unknown> = { email: 'deep@example.org' };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    log.info({ deep }, 'm');
    expect(JSON.stringify(lines()[0])).toContain('[too deep]');
    expect(JSON.stringify(lines()[0])).not.toContain('deep@example.org');
  });

  it('keeps ids and the rest of a line', () => {
    const { log, lines } = capture();
    log.info({ bookingId: 'bk-1', propertyId: 'chateau', outcome: 'confirmed' }, 'stripe event handled');
    expect(lines()[0]).toMatchObject({ bookingId: 'bk-1', propertyId: 'chateau', outcome: 'confirmed', msg: 'stripe event handled', service: 'majordome' });
  });

  it('logs a request by method only and a response by status, never their headers or URL', async () => {
    const { log, lines } = capture();
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      res.statusCode = 202;
      // What restify does with a value an async handler resolved with.
      log.warn({ req, value: res, res }, 'seen');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const r = request({ host: '127.0.0.1', port, path: '/ical/p/u/tokentokentokentokentoken.ics?sig=abc', method: 'POST', headers: { 'stripe-signature': 't=1,v1=secret', cookie: 'sid=1' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      r.on('error', reject);
      r.end('{"guest":"Camille"}');
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const [line] = lines();
    expect(line).toMatchObject({ req: { method: 'POST' }, value: { statusCode: 202 }, res: { statusCode: 202 } });
    const text = JSON.stringify(line);
    for (const leak of ['v1=secret', 'sid=1', 'tokentoken', 'sig=abc', 'Camille']) expect(text).not.toContain(leak);
  });
});
