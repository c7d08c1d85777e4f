import type { Activity } from './protocol';

/** A conversation's credentials and position in its stream. */
export interface Session {
  conversationId: string;
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  watermark: string | null;
  userId: string;
}

/** What the guest saw, so a reload shows the same conversation before the stream resumes. */
export type TranscriptEntry = { who: 'user'; id: string; text: string } | { who: 'bot'; activity: Activity };

interface Saved {
  session: Session | null;
  transcript: TranscriptEntry[];
  open: boolean;
}

const MAX_ENTRIES = 80;

/**
 * sessionStorage, one entry per property: the conversation follows the guest from page to
 * page and through reloads in one tab, and a shared computer does not keep a guest's name
 * and e-mail once the tab is closed. Storage can be refused (privacy modes, sandboxed
 * frames); the widget then works for the life of the page.
 */
export class SessionStore {
  private readonly key: string;
  private state: Saved = { session: null, transcript: [], open: false };

  constructor(property: string) {
    this.key = `majordome.webchat.${property}`;
    try {
      const raw = window.sessionStorage.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as Partial<Saved>) : null;
      if (parsed) this.state = { session: parsed.session ?? null, transcript: Array.isArray(parsed.transcript) ? parsed.transcript : [], open: parsed.open === true };
    } catch {
      // start afresh
    }
  }

  get session(): Session | null {
    return this.state.session;
  }
  get transcript(): readonly TranscriptEntry[] {
    return this.state.transcript;
  }
  get open(): boolean {
    return this.state.open;
  }

  setSession(session: Session | null): void {
    this.state.session = session;
    this.flush();
  }
  setOpen(open: boolean): void {
    this.state.open = open;
    this.flush();
  }
  add(entry: TranscriptEntry): void {
    this.state.transcript = [...this.state.transcript, entry].slice(-MAX_ENTRIES);
    this.flush();
  }
  clearTranscript(): void {
    this.state.transcript = [];
    this.flush();
  }

  private flush(): void {
    try {
      window.sessionStorage.setItem(this.key, JSON.stringify(this.state));
    } catch {
      // full or refused: keep going in memory
    }
  }
}
