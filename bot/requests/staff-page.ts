import { createHash } from 'node:crypto';
import type { Response } from 'restify';

const CSS = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1.25rem}textarea{width:100%}';
// The one style block is allowed by its hash: no inline script, nothing else loads.
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface StaffForm {
  /** Path and query the form POSTs to: the signed link itself. */
  action: string;
  button: string;
  /** A free-text reason field (kept in the booking's history). */
  withReason: boolean;
}

/** A tiny page for a signed link: what the link does, and a button; the GET never acts itself. */
export function sendStaffPage(res: Response, status: number, title: string, lines: string[], form?: StaffForm): void {
  const formHtml = form
    ? `<form method="post" action="${escape(form.action)}">${
        form.withReason ? '<p><label>Reason (optional, not shown to the guest)<br><textarea name="reason" maxlength="500" rows="3"></textarea></label></p>' : ''
      }<p><button type="submit">${escape(form.button)}</button></p></form>`
    : '';
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>${CSS}</style></head><body><h1>${escape(title)}</h1>${lines
    .map((l) => `<p>${escape(l)}</p>`)
    .join('')}${formHtml}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'content-security-policy': CSP,
    // The URL is a capability: never cached, never sent on as a referrer.
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-robots-tag': 'noindex, nofollow',
  });
  res.end(body);
}
