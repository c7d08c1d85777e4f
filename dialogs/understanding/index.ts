/** What the rest of the bot needs from understanding: one call per message, one warm-up at boot. */
export { understand, warmUp } from './understand';
export { MAX_MESSAGE_LENGTH, RECOGNIZERS_WINDOW } from './limits';
export type { Command, Intent, Understanding, UnderstandOptions } from './types';
export { INTENTS } from './types';
