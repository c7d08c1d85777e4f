import { en, type Messages } from './en';

// Temporary until the translation lands.
export const pt: Messages = en;
