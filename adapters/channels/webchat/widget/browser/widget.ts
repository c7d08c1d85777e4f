import { brandColours } from './colours';
import { DirectLineClient, HttpFailure, randomId } from './direct-line-client';
import { list, record, str, type Activity, type CardAction, type OutgoingActivity } from './protocol';
import { safeHref } from './markdown';
import { SessionStore } from './session-store';
import { stringsFor, type WidgetLocale } from './strings';
import { widgetCss } from './styles';
import { WidgetView } from './widget-view';

export interface WidgetOptions {
  origin: string;
  property: string;
  locale: WidgetLocale;
  /** The page's full language tag (fr-FR), passed to the bot with every message. */
  localeTag: string;
  color: string | undefined;
}

/** Wires the view, the Direct Line client and the session store together. */
export function mountWidget(o: WidgetOptions): void {
  const s = stringsFor(o.locale);
  const { brand, onBrand, line } = brandColours(o.color);
  const store = new SessionStore(o.property);
  const seen = new Set<string>();
  /** Messages of ours not yet echoed by the server: their ids, to recognise the echo. */
  const pending = new Set<string>();

  const view = new WidgetView(s, widgetCss(brand, onBrand, line), {
    onToggle: (open) => {
      view.show(open, true);
      store.setOpen(open);
      if (open) void client.start();
    },
    onSubmit: (text) => sendMessage({ text }, text),
    onAction: (action) => act(action),
  });

  const client = new DirectLineClient({
    origin: o.origin,
    property: o.property,
    locale: o.locale,
    store,
    onState: (state) => view.setConnection(state),
    onNewConversation: () => {
      seen.clear();
      store.clearTranscript();
      view.clear();
    },
    onActivities: (activities) => activities.forEach(receive),
  });

  function isFromGuest(a: Activity): boolean {
    return str(a.channelData?.clientActivityID) !== '' || a.from?.role === 'user' || (!!store.session && str(a.from?.id) === store.session.userId);
  }

  function receive(a: Activity): void {
    const id = str(a.id);
    if (id && seen.has(id)) return;
    if (id) seen.add(id);
    if (a.type === 'typing') {
      if (!isFromGuest(a)) view.showTyping();
      return;
    }
    if (a.type !== 'message') return;
    if (isFromGuest(a)) {
      const clientId = str(a.channelData?.clientActivityID);
      if (pending.delete(clientId) && view.markSent(clientId)) return;
      // Sent from another tab, or before a reload: show it as the guest saw it.
      const text = a.channelData?.postBack === true ? str(a.channelData.displayText) : str(a.text);
      if (!text) return;
      view.addUser(text, clientId || id, false);
      store.add({ who: 'user', id: clientId || id, text });
      view.setSuggested([]);
      return;
    }
    const kept: Activity = { type: 'message', id, text: a.text, attachments: a.attachments, attachmentLayout: a.attachmentLayout, suggestedActions: a.suggestedActions };
    view.addBot(kept);
    view.setSuggested(suggestedOf(kept));
    store.add({ who: 'bot', activity: kept });
  }

  function sendMessage(payload: { text?: string; value?: unknown; postBack?: boolean }, shown: string): void {
    const clientActivityID = randomId();
    pending.add(clientActivityID);
    view.addUser(shown, clientActivityID, true);
    view.setSuggested([]);
    store.add({ who: 'user', id: clientActivityID, text: shown });
    const activity: OutgoingActivity = {
      type: 'message',
      from: { id: store.session?.userId ?? '', role: 'user' },
      locale: o.localeTag,
      ...(payload.text !== undefined ? { text: payload.text } : {}),
      ...(payload.value !== undefined ? { value: payload.value } : {}),
      channelData: { clientActivityID, ...(payload.postBack ? { postBack: true as const, displayText: shown } : {}) },
    };
    client
      .start()
      .then((session) => client.send({ ...activity, from: { id: session.userId, role: 'user' } }))
      .catch((error: unknown) => view.markFailed(clientActivityID, error instanceof HttpFailure ? error.status : 0));
  }

  /**
   * Buttons as Web Chat treats them: imBack says its value; postBack sends its value (a
   * string as the text, as our bot reads it) and shows its displayText; openUrl opens.
   */
  function act(action: CardAction): void {
    const title = str(action.displayText) || str(action.title);
    const value = action.value;
    switch (action.type) {
      case 'imBack':
        if (str(value)) sendMessage({ text: str(value) }, str(value));
        break;
      case 'postBack':
        sendMessage(typeof value === 'string' ? { text: value, postBack: true } : { value, postBack: true }, title || str(value));
        break;
      case 'messageBack':
        sendMessage({ ...(str(action.text) ? { text: str(action.text) } : {}), value, postBack: true }, title || str(action.text));
        break;
      case 'openUrl': {
        const href = safeHref(str(value));
        if (href) window.open(href, '_blank', 'noopener');
        return;
      }
      default:
        return;
    }
    view.focusInput();
  }

  // What this tab already showed, then the stream from the saved watermark.
  const transcript = store.transcript;
  for (const entry of transcript) {
    if (entry.who === 'user') view.addUser(entry.text, entry.id, false);
    else {
      const id = str(entry.activity.id);
      if (id) seen.add(id);
      view.addBot(entry.activity);
    }
  }
  const last = transcript[transcript.length - 1];
  if (last?.who === 'bot') view.setSuggested(suggestedOf(last.activity));

  document.body.append(view.host);
  if (store.open) view.show(true, false);
  // A guest who already talked to us hears new messages on every page; others connect on open.
  if (store.session || store.open) void client.start();
}

function suggestedOf(a: Activity): CardAction[] {
  return list(a.suggestedActions?.actions)
    .map((x) => record<CardAction>(x))
    .filter((x): x is CardAction => x !== null);
}
