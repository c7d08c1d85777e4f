/** A 5xx an endpoint's documentation promises, and when. */
export interface Documented5xx {
  status: number;
  when: string;
}

/**
 * What every answer of a public endpoint must be, whatever was sent: a real HTTP status, no
 * 5xx but the documented ones, and a 4xx that says why (JSON `reasons`, `error.message` or
 * the Bot Framework's `value.message`, or a page or text with words in it). A HEAD answer has no body to say it in.
 */
export function assertSaneResponse(status: number, body: Buffer | string, documented5xx: readonly Documented5xx[], method = 'GET'): void {
  // The server hung up on a body it would not read (raw-http's status 0): a refusal without an answer to check.
  if (status === 0) return;
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new Error(`not an HTTP status: ${status}`);
  if (status >= 500 && !documented5xx.some((d) => d.status === status)) {
    const allowed = documented5xx.length ? documented5xx.map((d) => `${d.status} (${d.when})`).join(', ') : 'none';
    throw new Error(`undocumented ${status}; documented 5xx here: ${allowed}; body: ${preview(body)}`);
  }
  if (status >= 400 && status < 500 && method !== 'HEAD' && !reasonIn(body)) {
    throw new Error(`${status} without a reason in the body: ${preview(body)}`);
  }
}

export function reasonIn(body: Buffer | string): string | null {
  const text = (typeof body === 'string' ? body : body.toString('utf8')).trim();
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json !== undefined) return reasonOfJson(json);
  if (/^<!doctype html|^<html/i.test(text)) {
    const bodyText = text
      .replace(/<head[\s\S]*?<\/head>/i, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return /\p{L}{2,}/u.test(bodyText) ? bodyText : null;
  }
  return /\p{L}{2,}/u.test(text) ? text : null;
}

function reasonOfJson(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const reasons: unknown = Reflect.get(json, 'reasons');
  if (Array.isArray(reasons) && reasons.length && reasons.every((r) => typeof r === 'string' && r.trim())) return reasons.join('; ');
  const error: unknown = Reflect.get(json, 'error');
  if (typeof error === 'object' && error !== null) {
    const message: unknown = Reflect.get(error, 'message');
    if (typeof message === 'string' && message.trim()) return message;
  }
  const message: unknown = Reflect.get(json, 'message');
  if (typeof message === 'string' && message.trim()) return message;
  // The Bot Framework's invoke error (application/vnd.microsoft.error): { statusCode, type, value: { code, message } }.
  const value: unknown = Reflect.get(json, 'value');
  const inner: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'message') : undefined;
  return typeof inner === 'string' && inner.trim() ? inner : null;
}

function preview(body: Buffer | string): string {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  return JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);
}
