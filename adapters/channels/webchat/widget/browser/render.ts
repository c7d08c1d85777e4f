import { el } from './dom';
import { parseMarkdown, safeHref, type Inline } from './markdown';
import { list, record, str, type Activity, type CardAction, type HeroCard } from './protocol';
import type { WidgetStrings } from './strings';

export type OnAction = (action: CardAction) => void;

function inline(nodes: Inline[], s: WidgetStrings): Node[] {
  return nodes.map((n) => {
    if (n.kind === 'text') return document.createTextNode(n.text);
    if (n.kind === 'bold') return el('strong', {}, inline(n.children, s));
    const external = n.href.startsWith('http');
    return el('a', { href: n.href, ...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {}) }, [
      n.text,
      external ? el('span', { class: 'sr' }, [` ${s.newTab}`]) : null,
    ]);
  });
}

export function markdown(text: string, s: WidgetStrings): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const block of parseMarkdown(text)) {
    if (block.kind === 'list') {
      out.append(el('ul', {}, block.items.map((item) => el('li', {}, inline(item, s)))));
    } else {
      const p = el('p');
      block.lines.forEach((line, i) => {
        if (i) p.append(el('br'));
        p.append(...inline(line, s));
      });
      out.append(p);
    }
  }
  return out;
}

export function actionButton(action: CardAction, onAction: OnAction, className: string): HTMLButtonElement | null {
  const title = str(action.title) || str(action.displayText) || str(action.value);
  if (!title) return null;
  const button = el('button', { type: 'button', class: className }, [title]);
  button.addEventListener('click', () => onAction(action));
  return button;
}

function heroCard(card: HeroCard, onAction: OnAction, s: WidgetStrings): HTMLElement {
  const image = record<{ url?: unknown; alt?: unknown }>(list(card.images)[0]);
  const src = image ? safeHref(str(image.url)) : null;
  const children: (Node | null)[] = [];
  if (src && src.startsWith('http')) {
    // Decorative: the title says what the room is. A photo that fails to load takes no space.
    const img = el('img', { src, alt: str(image?.alt), loading: 'lazy', decoding: 'async' });
    img.addEventListener('error', () => img.remove());
    children.push(img);
  }
  const body = el('div', { class: 'card-body' });
  if (str(card.title)) body.append(el('h3', { class: 'card-title' }, [str(card.title)]));
  if (str(card.subtitle)) body.append(el('p', { class: 'card-subtitle' }, [str(card.subtitle)]));
  if (str(card.text)) body.append(el('div', { class: 'card-text' }, [markdown(str(card.text), s)]));
  const buttons = list(card.buttons)
    .map((b) => record<CardAction>(b))
    .map((b) => (b ? actionButton(b, onAction, 'card-button') : null))
    .filter((b): b is HTMLButtonElement => b !== null);
  if (buttons.length) body.append(el('div', { class: 'card-buttons' }, buttons));
  children.push(body);
  return el('li', { class: 'card' }, children);
}

/** A bot message: its text, then its hero cards (side by side when the bot asks for a carousel). */
export function botMessage(activity: Activity, onAction: OnAction, s: WidgetStrings): HTMLElement {
  const bubble = el('div', { class: 'msg bot' }, [el('span', { class: 'sr' }, [`${s.host} `])]);
  const text = str(activity.text);
  if (text) bubble.append(el('div', { class: 'bubble' }, [markdown(text, s)]));
  const cards = list(activity.attachments)
    .map((a) => record<{ contentType?: unknown; content?: unknown }>(a))
    .filter((a) => a?.contentType === 'application/vnd.microsoft.card.hero')
    .map((a) => record<HeroCard>(a?.content))
    .filter((c): c is HeroCard => c !== null)
    .map((c) => heroCard(c, onAction, s));
  if (cards.length) {
    const carousel = activity.attachmentLayout === 'carousel' && cards.length > 1;
    bubble.append(el('ul', { class: carousel ? 'cards carousel' : 'cards', 'aria-label': s.cards }, cards));
  }
  return bubble;
}

export function userMessage(text: string, s: WidgetStrings): HTMLElement {
  return el('div', { class: 'msg user' }, [el('span', { class: 'sr' }, [`${s.you} `]), el('div', { class: 'bubble' }, [text])]);
}
