import { isIPv4 } from 'node:net';

/**
 * Without app credentials the Bot Framework SDK authenticates nobody and posts its replies to
 * whatever `serviceUrl` the request names: an open relay, and a way to make this server call
 * any address. So in that mode only this machine may talk to the bot (the Emulator, a
 * developer, the benchmark), and only about a conversation served on this machine.
 */

export type Refusal = { status: 403; code: string; reason: string };

/** 127.0.0.0/8, ::1, and IPv4-mapped 127.x as a dual-stack socket reports it. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return isIPv4(v4) && v4.startsWith('127.');
}

/**
 * `http(s)://localhost`, `127.x.x.x` or `[::1]` (any port). The WHATWG parser has already
 * normalised odd spellings (`2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`), so we compare its
 * hostname. `0.0.0.0` and `*.localhost` are refused: they are not what a channel would name.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  if (isIPv4(host)) return host.startsWith('127.');
  // [::ffff:127.0.0.1] is normalised to [::ffff:7f00:1]: the high 16 bits are 0x7fxx.
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/** A proxy on this machine makes every caller look local: its forwarding headers give it away. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

export const NO_CREDENTIALS_HINT = 'set MicrosoftAppId and MicrosoftAppPassword to serve Azure Bot Service channels';

/** Checks the caller before anything is read: refused callers cost no body parsing. */
export function refuseCaller(remoteAddress: string | undefined, headers: Record<string, string | string[] | undefined>): Refusal | null {
  if (!isLoopbackAddress(remoteAddress)) {
    return { status: 403, code: 'loopback_only', reason: `this bot has no app credentials, so it only accepts callers on this machine; ${NO_CREDENTIALS_HINT}` };
  }
  const forwarded = FORWARDING_HEADERS.find((h) => headers[h] !== undefined);
  if (forwarded) {
    return { status: 403, code: 'loopback_only', reason: `request came through a proxy (${forwarded} header); ${NO_CREDENTIALS_HINT}` };
  }
  return null;
}

/** Checks where the replies would go. */
export function refuseServiceUrl(serviceUrl: string): Refusal | null {
  if (isLoopbackServiceUrl(serviceUrl)) return null;
  return { status: 403, code: 'service_url_not_loopback', reason: `without app credentials replies go only to a serviceUrl on this machine (http://localhost, 127.x.x.x or [::1]); ${NO_CREDENTIALS_HINT}` };
}
