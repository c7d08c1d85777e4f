import type { Request, Response, Server } from 'restify';
import type { Catalog } from '../../../../domain/catalog/catalog';
import { localize } from '../../../../domain/catalog/locales';
import type { Property } from '../../../../domain/catalog/schema';
import { browserScript, type BrowserEntry } from '../widget/browser-bundle';
import { demoPage } from './demo-page';
import { demoLocale } from './demo-page-text';
import { officialWebChat } from './official-bundle';
import { OFFICIAL_CSS, officialPage } from './official-page';
import { SITE_CSS } from './site-css';
import { staticBody } from './static-body';
import { sendHtml, sendStatic } from './static-response';

export interface WebChatPagesOptions {
  catalog: Catalog;
  log: { error(obj: object, msg: string): void };
  /** The property the demo pages show; the château when the catalogue has it. */
  demoPropertyId?: string;
}

/**
 * What a browser needs around our Direct Line: `widget.js`, the hotel website that embeds
 * it (`/`) and Microsoft's Web Chat on the same conversation (`/webchat/official`).
 */
export const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const JS = 'application/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

export function registerWebChatPages(server: Server, o: WebChatPagesOptions): void {
  const property = (): Property | undefined => o.catalog.get(o.demoPropertyId ?? 'chateau-de-vauclair') ?? o.catalog.list()[0];
  const siteCss = staticBody(Buffer.from(SITE_CSS));
  const officialCss = staticBody(Buffer.from(OFFICIAL_CSS));

  // Built now, so the first visitor does not wait for esbuild; a failure is retried on request.
  for (const entry of ['main', 'official-main'] as const) browserScript(entry).catch((err: unknown) => o.log.error({ err, entry }, 'widget build failed'));

  const script = (entry: BrowserEntry) => async (req: Request, res: Response) => {
    try {
      // Hotels' pages load it from another origin, some under Cross-Origin-Embedder-Policy.
      sendStatic(req, res, await browserScript(entry), JS, { 'Cross-Origin-Resource-Policy': 'cross-origin' });
    } catch (err) {
      o.log.error({ err, entry }, 'widget build failed');
      res.send(500, { error: 'widget_unavailable' });
    }
  };
  server.get('/widget.js', script('main'));
  server.get('/webchat/official.js', script('official-main'));
  server.get('/site.css', async (req, res) => sendStatic(req, res, siteCss, CSS));
  // Browsers ask for it on every page; no icon is better than a 404 in every console.
  server.get('/favicon.ico', async (_req, res) => {
    res.writeHead(204, { 'Cache-Control': 'public, max-age=86400' });
    res.end();
  });
  server.get('/webchat/official.css', async (req, res) => sendStatic(req, res, officialCss, CSS));

  server.get('/', async (req, res) => {
    const p = property();
    if (!p) {
      res.send(404, { error: 'no_property' });
      return;
    }
    const query = req.query as Record<string, unknown> | undefined;
    sendHtml(res, demoPage(p, demoLocale(query?.lang, p.defaultLocale)), {
      'Content-Security-Policy': DEMO_CSP,
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  server.get('/webchat/official', async (req, res) => {
    const p = property();
    if (!p) {
      res.send(404, { error: 'no_property' });
      return;
    }
    const query = req.query as Record<string, unknown> | undefined;
    const locale = demoLocale(query?.lang, p.defaultLocale);
    sendHtml(res, officialPage(p.id, locale, localize(p.name, locale)), { 'X-Content-Type-Options': 'nosniff' });
  });

  server.get('/webchat/official/webchat.js', async (req, res) => {
    const bundle = officialWebChat();
    if (!bundle) {
      res.send(404, { error: 'botframework-webchat is not installed' });
      return;
    }
    sendStatic(req, res, await bundle, JS);
  });
}
