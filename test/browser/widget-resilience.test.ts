import type { WebSocketRoute } from 'playwright-core';
import { startRestartableApp } from '../bot/shutdown/restartable-app';
import { useBrowserSuite } from './support/browser-suite';
import { watchPage } from './support/chromium';
import { startWebchatApp } from './support/webchat-app';
import { WidgetPage } from './support/widget-page';

jest.setTimeout(180_000);

const TOKEN_TTL_SECONDS = 8;

/** The widget when the network misbehaves and time passes: dropped streams, expiring tokens. */
describe('the widget keeps its conversation', () => {
  const harness = useBrowserSuite(() => startWebchatApp(TOKEN_TTL_SECONDS), { locale: 'en-GB' });

  it('reconnects after its stream drops, from the watermark, and carries on', async () => {
    const { server, page } = harness;
    const watched = watchPage(page);
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/v3\/directline\/conversations\/[^/]+\/stream/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    const calls: string[] = [];
    page.on('request', (r) => calls.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
    const w = new WidgetPage(page);
    await page.goto(`${server.base}/?lang=en`);
    await w.launcher.click();
    await w.waitForBot(/Welcome/);
    await w.waitConnected();

    await sockets[0]?.close({ code: 1006, reason: 'network lost' });
    await page.locator('[data-majordome-chat][data-connection="reconnecting"]').waitFor({ state: 'attached' });
    await page.getByRole('status').filter({ hasText: 'reconnecting' }).waitFor();
    await w.waitConnected();
    expect(sockets.length).toBe(2);
    // Resumed, not restarted: one token, and a GET of the conversation from its watermark.
    expect(calls.filter((c) => c === 'POST /webchat/token')).toHaveLength(1);
    expect(calls.some((c) => /^GET \/v3\/directline\/conversations\/[^/?]+\?watermark=\w+/.test(c))).toBe(true);

    await w.say('help');
    await w.waitForBot(/I can/);
    expect(await page.locator('[data-majordome-chat] .msg.bot', { hasText: /Welcome/ }).count()).toBe(1);
    expect(watched.problems).toEqual([]);
  });

  it('refreshes its token before it lapses, and still talks after the first token has expired', async () => {
    const { server, page } = harness;
    const w = new WidgetPage(page);
    const issued = page.waitForResponse((r) => r.url().endsWith('/webchat/token'));
    await page.goto(`${server.base}/?lang=en`);
    await w.launcher.click();
    const first = ((await (await issued).json()) as { token: string; conversationId: string });
    await w.waitForBot(/Welcome/);

    // Two refreshes in a row: the second one uses the token the first one gave.
    for (let i = 0; i < 2; i += 1) {
      const refreshed = await page.waitForResponse((r) => r.url().endsWith('/v3/directline/tokens/refresh'), { timeout: 30_000 });
      expect(refreshed.status()).toBe(200);
    }
    // Past the first token's life (refreshes come at half life): the server refuses it now.
    const stale = await fetch(`${server.base}/v3/directline/conversations/${first.conversationId}/activities`, { headers: { Authorization: `Bearer ${first.token}` } });
    expect([401, 403]).toContain(stale.status);

    await w.say('help');
    await w.waitForBot(/I can/);
  });
});

/** A rolling restart: the server the widget talks to goes away (1001) and a new one takes its port. */
describe('the widget across a server restart', () => {
  const harness = useBrowserSuite(() => startRestartableApp(), { locale: 'en-GB' });

  it('reconnects after the server goes away (1001), to the restarted server, and resumes its conversation', async () => {
    const { server, page } = harness;
    const watched = watchPage(page);
    const closeCodes: number[] = [];
    await page.routeWebSocket(/\/v3\/directline\/conversations\/[^/]+\/stream/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onClose((code, reason) => {
        closeCodes.push(code ?? 0);
        void ws.close({ ...(code !== undefined ? { code } : {}), ...(reason !== undefined ? { reason } : {}) });
      });
    });
    const calls: string[] = [];
    page.on('request', (r) => calls.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
    const w = new WidgetPage(page);
    await page.goto(`${server.base}/?lang=en`);
    await w.launcher.click();
    await w.waitForBot(/Welcome/);
    await w.waitConnected();

    const report = await server.restart();
    expect(report.clean).toBe(true);
    await page.locator('[data-majordome-chat][data-connection="reconnecting"]').waitFor({ state: 'attached' });
    await w.waitConnected();
    expect(closeCodes).toEqual([1001]);
    // Resumed on the new server from the watermark, with the token it had: no new conversation.
    expect(calls.filter((c) => c === 'POST /webchat/token')).toHaveLength(1);
    expect(calls.some((c) => /^GET \/v3\/directline\/conversations\/[^/?]+\?watermark=/.test(c))).toBe(true);

    await w.say('help');
    await w.waitForBot(/I can/);
    expect(await page.locator('[data-majordome-chat] .msg.bot', { hasText: /Welcome/ }).count()).toBe(1);
    // A retry that found the port closed for a moment is the restart, not a fault.
    expect(watched.problems.filter((p) => !/ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
  });
});
