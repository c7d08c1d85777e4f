/**
 * Entry of the official Web Chat page's script: Microsoft's bundle, unchanged, talking to
 * our Direct Line service with a token from the same endpoint the widget uses. The body's
 * `data-connection` mirrors Direct Line's connection status so tests and the benchmark can
 * tell when the send box is really usable.
 */
interface DirectLineLike {
  connectionStatus$: { subscribe(next: (status: number) => void): unknown };
}

interface WebChatGlobal {
  createDirectLine(options: { token: string; domain: string; webSocket: boolean }): DirectLineLike;
  renderWebChat(props: Record<string, unknown>, element: HTMLElement): void;
}

/** botframework-directlinejs's ConnectionStatus.Online. */
const ONLINE = 2;

async function start(): Promise<void> {
  const root = document.getElementById('webchat');
  const webChat = (window as unknown as { WebChat?: WebChatGlobal }).WebChat;
  if (!root || !webChat) return;
  const tag = document.documentElement.lang || 'en';
  const res = await fetch('/webchat/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ property: root.dataset.property ?? '', locale: tag.slice(0, 2) }),
  });
  const { token } = (await res.json()) as { token?: unknown };
  if (typeof token !== 'string') throw new Error('no token');
  const directLine = webChat.createDirectLine({ token, domain: `${location.origin}/v3/directline`, webSocket: true });
  directLine.connectionStatus$.subscribe((status) => {
    document.body.dataset.connection = status === ONLINE ? 'online' : String(status);
  });
  webChat.renderWebChat({ directLine, locale: root.dataset.locale ?? 'en-US', styleOptions: { hideUploadButton: true } }, root);
}

start().catch((error: unknown) => {
  document.body.dataset.connection = 'failed';
  console.error(error);
});
