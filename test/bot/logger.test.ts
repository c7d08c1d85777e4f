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
    'redacts %s at the top and up to three levels down, in objects and arrays',
    (key) => {
      const value = 'Zq9-leaked-value';
      const { log, lines } = capture();
      log.info({ [key]: value, a: { [key]: value }, b: { headers: { [key]: value } }, c: { d: [{ [key]: value }] } }, 'm');
      const [line] = lines();
      expect(line).toMatchObject({ [key]: REDACTED, a: { [key]: REDACTED }, b: { headers: { [key]: REDACTED } }, c: { d: [{ [key]: REDACTED }] } });
      expect(JSON.stringify(line)).not.toContain(value);
    },
  );
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
