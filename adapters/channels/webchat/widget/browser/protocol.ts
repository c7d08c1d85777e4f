/**
 * The Direct Line 3.0 shapes the widget reads. Everything arrives from the network, so
 * every field is optional and checked where it is used.
 */
export interface CardAction {
  type?: unknown;
  title?: unknown;
  value?: unknown;
  text?: unknown;
  displayText?: unknown;
}

export interface HeroCard {
  title?: unknown;
  subtitle?: unknown;
  text?: unknown;
  images?: unknown;
  buttons?: unknown;
}

export interface Attachment {
  contentType?: unknown;
  content?: unknown;
}

export interface ChannelData {
  clientActivityID?: unknown;
  postBack?: unknown;
  displayText?: unknown;
}

export interface Activity {
  type?: unknown;
  id?: unknown;
  from?: { id?: unknown; role?: unknown };
  text?: unknown;
  suggestedActions?: { actions?: unknown };
  attachments?: unknown;
  attachmentLayout?: unknown;
  channelData?: ChannelData;
}

export interface ActivitySet {
  activities?: unknown;
  watermark?: unknown;
}

/** What `/webchat/token`, `POST /conversations` and `GET /conversations/:id` answer. */
export interface ConversationGrant {
  conversationId?: unknown;
  token?: unknown;
  expires_in?: unknown;
  streamUrl?: unknown;
}

/** What the widget posts: a message, a tap on a postBack, or both. */
export interface OutgoingActivity {
  type: 'message';
  from: { id: string; role: 'user' };
  locale: string;
  text?: string;
  value?: unknown;
  channelData: { clientActivityID: string; postBack?: true; displayText?: string };
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const record = <T extends object>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null);
