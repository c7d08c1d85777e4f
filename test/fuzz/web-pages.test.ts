import fc from 'fast-check';
import { startLoopbackApp, type LoopbackApp } from '../bot/messages-support';
import { fuzzEndpoints } from './support/fuzz-endpoints';
import { ANY_METHOD, headers, oddText, queryString, request } from './support/inputs';

const PAGES = ['/', '/webchat/official'];
const ASSETS = ['/widget.js', '/webchat/official.js', '/site.css', '/webchat/official.css', '/favicon.ico', '/webchat/official/webchat.js'];
/** Microsoft's Web Chat bundle is 4 MB: asked for rarely, so the rest gets the time. */
const asset = fc.oneof({ weight: 6, arbitrary: fc.constant('/widget.js') }, { weight: 6, arbitrary: fc.constantFrom(...ASSETS.slice(1, -1)) }, { weight: 1, arbitrary: fc.constant(ASSETS[ASSETS.length - 1]!) });

interface PagesWorld extends LoopbackApp {
  /** Each asset's ETag, so conditional requests can match. */
  etags: string[];
}

async function startPages(): Promise<PagesWorld> {
  const w = await startLoopbackApp();
  const etags: string[] = [];
  for (const path of ASSETS) {
    const res = await fetch(`${w.base}${path}`);
    await res.arrayBuffer();
    const etag = res.headers.get('etag');
    if (etag) etags.push(etag);
  }
  return { ...w, etags };
}

const get = fc.oneof({ weight: 8, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: ANY_METHOD });

/** What a browser loads around web chat: the demo pages and the scripts and styles they use. */
describe('fuzz: web chat pages and scripts', () => {
  fuzzEndpoints<PagesWorld>(startPages, [
    {
      name: 'GET / and /webchat/official (lang, odd queries and headers)',
      request: () =>
        request({
          method: get,
          target: fc
            .tuple(fc.constantFrom(...PAGES), queryString({ lang: fc.oneof(fc.constantFrom('en', 'fr', 'es', 'pt', 'de', 'FR', 'fr-CA'), oddText(16)) }))
            .map(([path, q]) => `${path}${q}`),
          headers: headers([fc.constantFrom('fr-FR,fr;q=0.9', 'xx', '*', '').map((v): [string, string] => ['accept-language', v])]),
        }),
    },
    {
      name: 'GET /widget.js and the other scripts and styles (conditional, gzip)',
      request: (w) =>
        request({
          method: get,
          target: fc.tuple(asset, queryString({ v: oddText(8) })).map(([path, q]) => `${path}${q}`),
          headers: headers([
            fc.oneof(fc.constantFrom(...w.etags), oddText(30).map((t) => t.replace(/[\r\n]/g, ''))).map((v): [string, string] => ['if-none-match', v]),
            fc.constantFrom('gzip', 'br, gzip;q=0', 'identity').map((v): [string, string] => ['accept-encoding', v]),
          ]),
        }),
    },
  ]);
});
