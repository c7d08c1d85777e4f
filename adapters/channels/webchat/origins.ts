import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** `scheme://host[:port]` of an http(s) address, as browsers send it in `Origin`; null otherwise. */
export function originOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.origin;
}

/** The headers Direct Line clients send (directlinejs adds x-ms-bot-agent to every call). */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, x-ms-bot-agent, x-requested-with';

/**
 * Which web pages may use web chat. The set is read per request: by default it includes this
 * server's own loopback port, known only once it listens.
 */
export class OriginPolicy {
  constructor(private readonly allowed: () => ReadonlySet<string>) {}

  allows(origin: string): boolean {
    return this.allowed().has(origin);
  }

  /** CORS headers for an allowed Origin; nothing for others, so their pages cannot read the answer. */
  cors(headers: IncomingHttpHeaders, res: ServerResponse): void {
    res.setHeader('Vary', 'Origin');
    const origin = headers.origin;
    if (typeof origin !== 'string' || !this.allows(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
}
