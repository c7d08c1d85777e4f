import type { Locale } from '../catalog/locales';

/**
 * Where to reach a guest later, on the channel they wrote from: enough to rebuild the channel's
 * conversation reference. Ids only; a channel id is not a name, email or phone number, except
 * on SMS where the conversation id is the number itself, so never log an address whole.
 */
export interface GuestAddress {
  /** `webchat`, `messenger`, `sms`, `emulator`, … */
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  userId: string;
  botId: string;
  locale: Locale;
}
