import { en, type Messages } from './en';

// Temporary until the translation lands.
export const es: Messages = en;
