import { createHash } from 'node:crypto';
import type { Response } from 'restify';
import type { Locale } from '../../domain/catalog/locales';

const CSS = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1.25rem}textarea{width:100%}';
// The one style block is allowed by its hash: no inline script, nothing else loads.
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface StaffForm {
  /** Path and query the form POSTs to: the signed link itself. */
  action: string;
  button: string;
  /** The label of a free-text reason field (kept in the booking's history); null: no field. */
  reasonLabel: string | null;
}

/** A tiny page for a signed link: what the link does, and a button; the GET never acts itself. */
export function sendStaffPage(res: Response, locale: Locale, status: number, title: string, lines: string[], form?: StaffForm): void {
  const formHtml = form
    ? `<form method="post" action="${escape(form.action)}">${
        form.reasonLabel !== null ? `<p><label>${escape(form.reasonLabel)}<br><textarea name="reason" maxlength="500" rows="3"></textarea></label></p>` : ''
      }<p><button type="submit">${escape(form.button)}</button></p></form>`
    : '';
  const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title><style>${CSS}</style></head><body><h1>${escape(title)}</h1>${lines
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
