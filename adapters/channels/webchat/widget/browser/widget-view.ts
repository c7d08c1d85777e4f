import type { ConnectionState } from './direct-line-client';
import { CHAT_ICON, CLOSE_ICON, SEND_ICON, el, icon } from './dom';
import type { Activity, CardAction } from './protocol';
import { actionButton, botMessage, userMessage, type OnAction } from './render';
import { adoptStyles } from './styles';
import type { WidgetStrings } from './strings';

export interface ViewEvents {
  onToggle(open: boolean): void;
  onSubmit(text: string): void;
  onAction: OnAction;
}

/** Typing indicators that no message follows stop after this long. */
const TYPING_MS = 6000;

/**
 * The launcher and the panel, in a shadow root. The panel is a labelled dialog; messages go
 * into a role="log" live region, so screen readers read each new one once.
 */
export class WidgetView {
  readonly host: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly log: HTMLElement;
  private readonly status: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly chips: HTMLElement;
  private readonly input: HTMLInputElement;
  private typingTimer = 0;
  private unread = 0;

  constructor(private readonly s: WidgetStrings, css: string, private readonly events: ViewEvents) {
    this.host = el('div', { 'data-majordome-chat': true, 'data-connection': 'idle' });
    const root = this.host.attachShadow({ mode: 'open' });
    adoptStyles(root, css);

    this.badge = el('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
    this.launcher = el('button', { type: 'button', class: 'launcher', 'aria-label': s.open, 'aria-expanded': 'false', 'aria-controls': 'mj-panel' }, [icon(CHAT_ICON), this.badge]);
    this.launcher.addEventListener('click', () => this.events.onToggle(!this.isOpen));

    const close = el('button', { type: 'button', class: 'icon', 'aria-label': s.close }, [icon(CLOSE_ICON)]);
    close.addEventListener('click', () => this.events.onToggle(false));
    this.status = el('p', { class: 'status', role: 'status' });
    this.log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': s.messages, tabindex: '0' });
    this.typing = el('div', { class: 'typing', hidden: true, role: 'img', 'aria-label': s.typing }, [el('span'), el('span'), el('span')]);
    this.chips = el('div', { class: 'chips', role: 'group', 'aria-label': s.suggestions, hidden: true });
    this.input = el('input', { type: 'text', id: 'mj-input', autocomplete: 'off', enterkeyhint: 'send', maxlength: '2000', placeholder: s.placeholder, 'aria-label': s.input });
    const send = el('button', { type: 'submit', class: 'send', 'aria-label': s.send }, [icon(SEND_ICON)]);
    const form = el('form', {}, [this.input, send]);
    // Enter in the field submits the form: sending needs no script of its own beyond this.
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      this.events.onSubmit(text);
    });

    this.panel = el('section', { class: 'panel', id: 'mj-panel', role: 'dialog', 'aria-labelledby': 'mj-title', hidden: true }, [
      el('div', { class: 'head' }, [el('h2', { id: 'mj-title' }, [s.title]), close]),
      this.status,
      this.log,
      this.typing,
      this.chips,
      form,
    ]);
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.events.onToggle(false);
      }
    });
    root.append(this.launcher, this.panel);
  }

  get isOpen(): boolean {
    return this.panel.hidden !== true;
  }

  show(open: boolean, moveFocus: boolean): void {
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      this.setUnread(0);
      this.scrollToEnd();
      if (moveFocus) this.input.focus();
    } else if (moveFocus) {
      this.launcher.focus();
    }
  }

  focusInput(): void {
    this.input.focus();
  }

  setConnection(state: ConnectionState): void {
    const text = { connecting: this.s.connecting, online: '', reconnecting: this.s.reconnecting, offline: this.s.offline }[state];
    if (this.status.textContent !== text) this.status.textContent = text;
    this.host.setAttribute('data-connection', state);
  }

  addBot(activity: Activity): void {
    this.hideTyping();
    this.append(botMessage(activity, this.events.onAction, this.s));
    if (!this.isOpen) this.setUnread(this.unread + 1);
  }

  addUser(text: string, id: string, pending: boolean): void {
    const node = userMessage(text, this.s);
    node.dataset.id = id;
    if (pending) node.classList.add('pending');
    this.append(node);
  }

  markSent(id: string): boolean {
    const node = this.userNode(id);
    node?.classList.remove('pending');
    return node !== null;
  }

  /** `status`: the server's answer, 0 when none came. */
  markFailed(id: string, status: number): void {
    const node = this.userNode(id);
    if (!node || node.querySelector('.failed')) return;
    node.classList.remove('pending');
    node.append(el('p', { class: 'failed' }, [status === 429 ? this.s.tooFast : status === 503 ? this.s.unavailable : this.s.notSent]));
  }

  showTyping(): void {
    this.typing.hidden = false;
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.hideTyping(), TYPING_MS);
    this.scrollToEnd();
  }

  hideTyping(): void {
    window.clearTimeout(this.typingTimer);
    this.typing.hidden = true;
  }

  setSuggested(actions: CardAction[]): void {
    const buttons = actions.map((a) => actionButton(a, this.events.onAction, 'chip')).filter((b): b is HTMLButtonElement => b !== null);
    this.chips.replaceChildren(...buttons);
    this.chips.hidden = buttons.length === 0;
  }

  clear(): void {
    this.log.replaceChildren();
    this.setSuggested([]);
  }

  private userNode(id: string): HTMLElement | null {
    return Array.from(this.log.querySelectorAll<HTMLElement>('.msg.user')).find((n) => n.dataset.id === id) ?? null;
  }

  private append(node: HTMLElement): void {
    this.log.append(node);
    this.scrollToEnd();
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private setUnread(n: number): void {
    this.unread = n;
    this.badge.textContent = String(n);
    this.badge.hidden = n === 0;
    this.launcher.setAttribute('aria-label', n ? `${this.s.open} – ${this.s.unread(n)}` : this.s.open);
  }
}
