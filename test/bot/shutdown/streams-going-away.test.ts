import { ConnectionStatus, DirectLine, type Activity } from 'botframework-directlinejs';
import { installBrowserGlobals } from '../../adapters/channels/webchat/directline-client';
import { startWebchatApp, StreamClient, until } from '../../adapters/channels/webchat/webchat-support';
import { startRestartableApp } from './restartable-app';

jest.setTimeout(120_000);

describe('Direct Line streams on shutdown', () => {
  it('are closed with 1001, going away, once the work in flight is done', async () => {
    const s = await startWebchatApp();
    try {
      const { token } = await s.widgetToken('en');
      const started = await s.call('POST', '/v3/directline/conversations', { auth: token });
      const stream = await StreamClient.open((started.body as { streamUrl: string }).streamUrl, { origin: s.origin });
      if (!(stream instanceof StreamClient)) throw new Error(`refused: ${JSON.stringify(stream)}`);
      await stream.waitFor((a) => a.length >= 1);
      const closed = new Promise<{ code: number; reason: string }>((resolve) => stream.ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));

      const report = await s.app.shutdown();
      expect(await closed).toEqual({ code: 1001, reason: 'server shutting down' });
      expect(report.clean).toBe(true);
      expect(s.app.webchat.streams.size).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('botframework-directlinejs reconnects from 1001 to the restarted server and resumes the conversation', async () => {
    installBrowserGlobals();
    const server = await startRestartableApp();
    const received: Activity[] = [];
    const statuses: ConnectionStatus[] = [];
    const wakers = new Set<() => void>();
    const waitFor = (check: () => boolean): Promise<void> =>
      until(check, (wake) => {
        wakers.add(wake);
        return () => wakers.delete(wake);
      });
    const grant = (await (await fetch(`${server.base}/webchat/token`, { method: 'POST', headers: { origin: server.base, 'content-type': 'application/json' }, body: JSON.stringify({ property: 'chateau-de-vauclair', locale: 'en' }) })).json()) as { token: string };
    // random() = 0: its shortest wait before reconnecting (3 s) rather than up to 15 s.
    const client = new DirectLine({ token: grant.token, domain: `${server.base}/v3/directline`, webSocket: true, random: () => 0 });
    const activities = client.activity$.subscribe((a) => {
      received.push(a);
      for (const wake of wakers) wake();
    });
    const status = client.connectionStatus$.subscribe((s) => {
      statuses.push(s);
      for (const wake of wakers) wake();
    });
    try {
      await waitFor(() => received.some((a) => a.type === 'message' && /Welcome/.test(a.text ?? '')));
      const firstApp = server.app;
      const report = await server.restart();
      expect(report.clean).toBe(true);
      expect(firstApp.webchat.streams.size).toBe(0);

      // Posted to the new instance; the reply can only come through a stream the client opened again.
      const id = await new Promise<string>((resolve, reject) => {
        client.postActivity({ type: 'message', text: 'help', from: { id: 'guest' }, locale: 'en-GB' } as Activity).subscribe(resolve, reject);
      });
      await waitFor(() => received.some((a) => Reflect.get(a, 'replyToId') === id));
      expect(server.app.webchat.streams.size).toBe(1);
      // Resumed from its watermark: the greeting is not replayed.
      expect(received.filter((a) => /Welcome/.test(a.type === 'message' ? (a.text ?? '') : ''))).toHaveLength(1);
      expect(statuses).not.toContain(ConnectionStatus.FailedToConnect);
      expect(statuses).not.toContain(ConnectionStatus.Ended);
    } finally {
      activities.unsubscribe();
      status.unsubscribe();
      client.end();
      await server.close();
    }
  });
});
