import type { Response } from 'restify';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface PageForm {
  action: string;
  fields: Record<string, string>;
  label: string;
  primary: boolean;
}

export interface PayPage {
  lang: string;
  title: string;
  /** Shown first, in a box: "demo, no real payment". */
  banner?: string;
  lines: string[];
  forms?: PageForm[];
}

/** A small self-contained HTML page (no script, no outside asset): payment pages are opened from any chat app. */
export function sendPage(res: Response, status: number, page: PayPage): void {
  const forms = (page.forms ?? [])
    .map((f) => {
      const hidden = Object.entries(f.fields).map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('');
      return `<form method="post" action="${escape(f.action)}">${hidden}<button type="submit"${f.primary ? ' class="primary"' : ''}>${escape(f.label)}</button></form>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="${escape(page.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(page.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}
.banner{border:2px dashed #b45309;background:#fffbeb;color:#92400e;padding:.75rem;font-weight:600;border-radius:.5rem}
form{display:inline-block;margin:.5rem .5rem 0 0}button{font:inherit;padding:.6rem 1rem;border-radius:.4rem;border:1px solid #555;background:#fff;cursor:pointer}
button.primary{background:#1d4ed8;color:#fff;border-color:#1d4ed8}</style></head>
<body><h1>${escape(page.title)}</h1>
${page.banner ? `<p class="banner" role="note">${escape(page.banner)}</p>` : ''}
${page.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
${forms}
</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    // The URL carries a signature: keep it out of shared caches and other sites' referrers.
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex, nofollow',
  });
  res.end(html);
}
