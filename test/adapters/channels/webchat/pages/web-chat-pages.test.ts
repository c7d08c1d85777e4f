import path from 'node:path';
import restify, { type Server } from 'restify';
import { loadPropertiesFrom } from '../../../../../adapters/catalog/load-properties';
import { DEMO_CSP, registerWebChatPages } from '../../../../../adapters/channels/webchat/pages/web-chat-pages';
import { Catalog } from '../../../../../domain/catalog/catalog';

describe('web chat pages over HTTP', () => {
  let server: Server;
  let base: string;
  const errors: unknown[] = [];

  beforeAll(async () => {
    const catalog = new Catalog(await loadPropertiesFrom(path.resolve(__dirname, '..', '..', '..', '..', '..', 'bot', 'properties')));
    server = restify.createServer();
    server.use(restify.plugins.queryParser({ mapParams: false }));
    registerWebChatPages(server, { catalog, log: { error: (obj) => errors.push(obj) } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves the château in French by default and in English with ?lang=en, under a strict CSP with the widget tag', async () => {
    const fr = await fetch(`${base}/`);
    expect(fr.headers.get('content-security-policy')).toBe(DEMO_CSP);
    expect(DEMO_CSP).not.toMatch(/unsafe-(inline|eval)/);
    const frHtml = await fr.text();
    expect(frHtml).toContain('<html lang="fr">');
    expect(frHtml).toContain('Nos chambres');
    expect(frHtml).toContain('<script src="/widget.js" data-property="chateau-de-vauclair" data-color="#6b2737" async></script>');
    // No inline script or style anywhere on the page.
    expect(frHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/);
    const en = await (await fetch(`${base}/?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Our rooms');
    expect(en).toContain('Tower Suite');
  });

  it('serves widget.js gzipped with an ETag, and 304 when the browser has it', async () => {
    const first = await fetch(`${base}/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('javascript');
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    await first.arrayBuffer();
    const again = await fetch(`${base}/widget.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the official Web Chat page with its bundle from node_modules', async () => {
    const html = await (await fetch(`${base}/webchat/official?lang=en`)).text();
    expect(html).toContain('data-property="chateau-de-vauclair"');
    expect(html).toContain('<script src="/webchat/official/webchat.js" defer></script>');
    const js = await fetch(`${base}/webchat/official/webchat.js`);
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(1_000_000);
    expect(errors).toEqual([]);
  });
});
