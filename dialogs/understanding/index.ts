/** What the rest of the bot needs from understanding: one call per message, one warm-up at boot. */
export { understand, warmUp, MAX_TEXT_LENGTH } from './understand';
export type { Command, Intent, Understanding, UnderstandOptions } from './types';
export { INTENTS } from './types';
