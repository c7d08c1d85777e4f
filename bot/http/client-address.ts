import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * Who is calling, and by which public address, for a request that may have come through
 * reverse proxies. `X-Forwarded-For`, `X-Forwarded-Host` and `X-Forwarded-Proto` are written by
 * whoever sends them, so they count only when the peer that sent them to us is a proxy named in
 * TRUST_PROXY; with nothing trusted (the default) a request is what its socket and Host say.
 */

/** Names for the usual places a proxy sits, as TRUST_PROXY accepts them. */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** An IPv4 address as IPv6 (`::ffff:10.0.0.1`, how a dual-stack socket reports it) is the IPv4 address. */
function normalise(address: string | undefined): string | null {
  if (!address) return null;
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(plain) ? plain.toLowerCase() : null;
}

/** One entry of TRUST_PROXY as CIDR blocks, or null when it is none of the accepted forms. */
function blocksOf(entry: string): string[] | null {
  const named = NAMED_RANGES[entry.toLowerCase()];
  if (named) return [...named];
  const slash = entry.indexOf('/');
  const address = normalise(slash < 0 ? entry : entry.slice(0, slash));
  if (!address) return null;
  const max = isIP(address) === 4 ? 32 : 128;
  if (slash < 0) return [`${address}/${max}`];
  const bitsText = entry.slice(slash + 1);
  const bits = /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  return Number.isInteger(bits) && bits >= 0 && bits <= max ? [`${address}/${bits}`] : null;
}

/**
 * Parses TRUST_PROXY: a comma-separated list of addresses, CIDR blocks and the names loopback,
 * linklocal and private. Gives the entries back as written (trimmed), or the ones it refuses.
 */
export function parseTrustProxy(spec: string): { ok: true; entries: string[] } | { ok: false; refused: string[] } {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  const refused = entries.filter((e) => blocksOf(e) === null);
  return refused.length > 0 ? { ok: false, refused } : { ok: true, entries };
}

/** TRUST_PROXY in the environment schema (bot/config.ts). */
export const trustProxySpec = z.string().transform((spec, ctx) => {
  const parsed = parseTrustProxy(spec);
  if (parsed.ok) return parsed.entries;
  const named = parsed.refused.map((e) => `"${e.slice(0, 60)}"`).join(', ');
  ctx.addIssue({ code: 'custom', message: `${named}: expected addresses, CIDR blocks (10.0.0.0/8, fd00::/8), loopback, linklocal or private, separated by commas` });
  return z.NEVER;
});

export interface TrustedProxies {
  trusts(address: string | undefined): boolean;
}

/** The proxies of a parsed TRUST_PROXY list; an empty list trusts no one. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const v4 = new BlockList();
  const v6 = new BlockList();
  for (const block of entries.flatMap((e) => blocksOf(e) ?? [])) {
    const [address = '', bits = ''] = block.split('/');
    if (isIP(address) === 4) v4.addSubnet(address, Number(bits), 'ipv4');
    else v6.addSubnet(address, Number(bits), 'ipv6');
  }
  return {
    trusts: (raw) => {
      const address = normalise(raw);
      if (!address || entries.length === 0) return false;
      return isIP(address) === 4 ? v4.check(address, 'ipv4') : v6.check(address, 'ipv6');
    },
  };
}

/** `1.2.3.4`, `1.2.3.4:5678` (Azure adds the port), `[2001:db8::1]:443` or `2001:db8::1`. */
function forwardedAddress(hop: string): string | null {
  const text = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) return normalise(bracketed[1]);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text);
  return normalise(v4WithPort ? v4WithPort[1] : text);
}

const headerText = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(',') : value ?? '');
/** The value the nearest proxy wrote: the last of a comma-separated list. */
const lastValue = (value: string | string[] | undefined): string => headerText(value).split(',').at(-1)?.trim() ?? '';

/**
 * The address of the client: the socket's peer, or, while that peer is a trusted proxy, the hop
 * before it in X-Forwarded-For, read from the right (each proxy appends the address it saw).
 * The first untrusted hop is the client; a hop that is no address stops the walk there.
 */
export function clientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  let address = normalise(req.socket.remoteAddress) ?? 'unknown';
  if (!trusted.trusts(address)) return address;
  const hops = headerText(req.headers['x-forwarded-for']).split(',');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = forwardedAddress(hops[i] ?? '');
    if (!hop) break;
    address = hop;
    if (!trusted.trusts(address)) break;
  }
  return address;
}

const HOST = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?$/;

export interface PublicOrigin {
  protocol: 'http' | 'https';
  /** Host and port as the client wrote them, such as `chat.example.com` or `127.0.0.1:3978`. */
  host: string;
}

/**
 * The scheme and host the client reached us by, for absolute URLs given back to it: from a
 * trusted proxy's X-Forwarded-Host and X-Forwarded-Proto, else from the Host header (and https
 * when the connection is TLS, or when that host is the public address and it is https), else
 * the public address itself.
 */
export function publicOrigin(req: IncomingMessage, trusted: TrustedProxies, publicUrl: URL): PublicOrigin {
  const viaProxy = trusted.trusts(req.socket.remoteAddress);
  const forwardedHost = viaProxy ? lastValue(req.headers['x-forwarded-host']) : '';
  const hostHeader = headerText(req.headers.host);
  const host = HOST.test(forwardedHost) ? forwardedHost : HOST.test(hostHeader) ? hostHeader : publicUrl.host;
  const forwardedProto = viaProxy ? lastValue(req.headers['x-forwarded-proto']).toLowerCase() : '';
  if (forwardedProto === 'https' || forwardedProto === 'http') return { protocol: forwardedProto, host };
  const tls = 'encrypted' in req.socket && req.socket.encrypted === true;
  return { protocol: tls || (publicUrl.protocol === 'https:' && host === publicUrl.host) ? 'https' : 'http', host };
}
