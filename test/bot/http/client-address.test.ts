import type { IncomingMessage } from 'node:http';
import { clientAddress, parseTrustProxy, publicOrigin, trustedProxies } from '../../../bot/http/client-address';
import { startWebchatApp } from '../../adapters/channels/webchat/webchat-support';

/** What the module reads of a request: the socket's peer and the headers. */
const request = (remoteAddress: string | undefined, headers: Record<string, string | string[]> = {}, encrypted = false): IncomingMessage =>
  ({ socket: { remoteAddress, ...(encrypted ? { encrypted: true } : {}) }, headers }) as unknown as IncomingMessage;

describe('TRUST_PROXY', () => {
  it('takes addresses, CIDR blocks and the names loopback, linklocal and private', () => {
    expect(parseTrustProxy('loopback, private,linklocal, 192.0.2.7, 198.51.100.0/24, 2001:db8::/32, ::ffff:10.1.2.3')).toEqual({
      ok: true,
      entries: ['loopback', 'private', 'linklocal', '192.0.2.7', '198.51.100.0/24', '2001:db8::/32', '::ffff:10.1.2.3'],
    });
    expect(parseTrustProxy('')).toEqual({ ok: true, entries: [] });
    expect(parseTrustProxy('10.0.0.0/33, 1.2.3, proxy.local, 10.0.0.0/x, ::1/129')).toEqual({ ok: false, refused: ['10.0.0.0/33', '1.2.3', 'proxy.local', '10.0.0.0/x', '::1/129'] });
  });

  it('trusts exactly the listed peers, IPv4 seen through IPv6 included', () => {
    const trusted = trustedProxies(['loopback', '10.0.0.0/8', '2001:db8::/32']);
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.200.0.9', '::ffff:10.0.0.1', '2001:db8::5']) expect([a, trusted.trusts(a)]).toEqual([a, true]);
    for (const a of ['11.0.0.1', '192.168.1.1', '2001:db9::1', 'fe80::1', 'garbage', undefined]) expect([a, trusted.trusts(a)]).toEqual([a, false]);
    expect(trustedProxies([]).trusts('127.0.0.1')).toBe(false);
  });
});

describe('the client address', () => {
  const trusted = trustedProxies(['10.0.0.0/8']);

  it('is the peer when the peer is no trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), trusted)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:203.0.113.9'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(request('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), trustedProxies([]))).toBe('203.0.113.9');
  });

  it('walks X-Forwarded-For from the right through trusted proxies to the first untrusted hop', () => {
    // The client forged the leftmost entry; our proxies appended what they saw.
    const req = request('10.0.0.2', { 'x-forwarded-for': '1.1.1.1, 198.51.100.23, 10.0.0.1' });
    expect(clientAddress(req, trusted)).toBe('198.51.100.23');
    expect(clientAddress(request('10.0.0.2', { 'x-forwarded-for': ['1.1.1.1', '198.51.100.23:50123'] }), trusted)).toBe('198.51.100.23');
    expect(clientAddress(request('10.0.0.2', { 'x-forwarded-for': '[2001:db8::7]:443' }), trusted)).toBe('2001:db8::7');
  });

  it('stops at a hop that is no address, and keeps the last address it knows', () => {
    expect(clientAddress(request('10.0.0.2', { 'x-forwarded-for': 'unknown' }), trusted)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', { 'x-forwarded-for': '198.51.100.1, <script>, 10.0.0.1' }), trusted)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.2'), trusted)).toBe('10.0.0.2');
    expect(clientAddress(request(undefined), trusted)).toBe('unknown');
  });
});

describe('the public origin of a request', () => {
  const publicUrl = new URL('https://chat.example-hotel.com');
  const trusted = trustedProxies(['loopback']);
  const forwarded = { host: '127.0.0.1:3978', 'x-forwarded-host': 'chat.example-hotel.com', 'x-forwarded-proto': 'https' };

  it('honours X-Forwarded-Host and X-Forwarded-Proto from a trusted proxy, the value it wrote last', () => {
    expect(publicOrigin(request('127.0.0.1', forwarded), trusted, publicUrl)).toEqual({ protocol: 'https', host: 'chat.example-hotel.com' });
    expect(publicOrigin(request('127.0.0.1', { ...forwarded, 'x-forwarded-host': 'evil.example, www.example-hotel.com', 'x-forwarded-proto': 'http, https' }), trusted, publicUrl)).toEqual({
      protocol: 'https',
      host: 'www.example-hotel.com',
    });
  });

  it('ignores them from anyone else, and uses the Host header', () => {
    expect(publicOrigin(request('203.0.113.9', forwarded), trusted, publicUrl)).toEqual({ protocol: 'http', host: '127.0.0.1:3978' });
    expect(publicOrigin(request('127.0.0.1', forwarded), trustedProxies([]), publicUrl)).toEqual({ protocol: 'http', host: '127.0.0.1:3978' });
  });

  it('is https on a TLS socket or on the public host of an https deployment, and falls back to the public host', () => {
    expect(publicOrigin(request('203.0.113.9', { host: 'chat.example-hotel.com' }), trusted, publicUrl)).toEqual({ protocol: 'https', host: 'chat.example-hotel.com' });
    expect(publicOrigin(request('203.0.113.9', { host: 'other.example' }, true), trusted, publicUrl)).toEqual({ protocol: 'https', host: 'other.example' });
    expect(publicOrigin(request('203.0.113.9', { host: 'bad host/"' }), trusted, publicUrl)).toEqual({ protocol: 'https', host: 'chat.example-hotel.com' });
    expect(publicOrigin(request('127.0.0.1', { ...forwarded, 'x-forwarded-host': 'x/"<y>', 'x-forwarded-proto': 'gopher' }), trusted, new URL('http://localhost:3978'))).toEqual({ protocol: 'http', host: '127.0.0.1:3978' });
  });
});

describe('the Direct Line stream URL behind a proxy', () => {
  const startUrl = async (trustProxy: string[]) => {
    const s = await startWebchatApp({ config: { trustProxy } });
    try {
      const { token } = await s.widgetToken();
      const res = await s.call('POST', '/v3/directline/conversations', { auth: token, headers: { 'x-forwarded-host': 'chat.example-hotel.com', 'x-forwarded-proto': 'https' } });
      return { streamUrl: (res.body as { streamUrl: string }).streamUrl, base: s.base };
    } finally {
      await s.close();
    }
  };

  it('is on the forwarded host with wss when the proxy is trusted, and on the Host header otherwise', async () => {
    expect((await startUrl(['loopback'])).streamUrl).toMatch(/^wss:\/\/chat\.example-hotel\.com\/v3\/directline\/conversations\/[^/]+\/stream\?/);
    const untrusted = await startUrl([]);
    expect(untrusted.streamUrl.startsWith(`${untrusted.base.replace(/^http/, 'ws')}/v3/directline/conversations/`)).toBe(true);
  });
});
