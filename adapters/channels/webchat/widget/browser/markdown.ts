/**
 * The light markdown the bot writes (bold, links, bare URLs, line breaks, "- " lists),
 * parsed into a tree the view turns into DOM nodes. Nothing here produces HTML: every
 * character the bot sent ends up in a text node, so there is nothing to escape.
 */
export type Inline = { kind: 'text'; text: string } | { kind: 'bold'; children: Inline[] } | { kind: 'link'; href: string; text: string };
export type Block = { kind: 'paragraph'; lines: Inline[][] } | { kind: 'list'; items: Inline[][] };

// A label holds no "[": otherwise a line of "[[[[…" is scanned again from every bracket.
const INLINE = /\*\*(.+?)\*\*|\[([^[\]\n]+)\]\(([^()\s]+)\)|(https?:\/\/[^\s<>"]+)/g;
const BULLET = /^\s*[-*•]\s+/;
/** Punctuation that ends a sentence rather than the URL before it. */
const URL_TAIL = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '»', '"', "'"]);

/** The sentence punctuation `url` ends with. A loop, not a regex: no lookbehind before Safari 16.4. */
function urlTail(url: string): string {
  let start = url.length;
  while (start > 0 && URL_TAIL.has(url[start - 1]!)) start--;
  return url.slice(start);
}

/** Only web, mail and phone links: a `javascript:` URL from anywhere is text. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return ['https:', 'http:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function parseInline(source: string, insideBold = false): Inline[] {
  const out: Inline[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += text;
    else out.push({ kind: 'text', text });
  };
  let at = 0;
  for (const m of source.matchAll(INLINE)) {
    const start = m.index ?? 0;
    pushText(source.slice(at, start));
    at = start + m[0].length;
    const [whole, bold, label, target, bare] = m;
    if (bold !== undefined) {
      if (insideBold) pushText(whole);
      else out.push({ kind: 'bold', children: parseInline(bold, true) });
    } else if (label !== undefined && target !== undefined) {
      const href = safeHref(target);
      if (href) out.push({ kind: 'link', href, text: label });
      else pushText(whole);
    } else if (bare !== undefined) {
      const tail = urlTail(bare);
      const url = bare.slice(0, bare.length - tail.length);
      const href = safeHref(url);
      if (href) out.push({ kind: 'link', href, text: url });
      else pushText(url);
      pushText(tail);
    }
  }
  pushText(source.slice(at));
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      current = null;
      continue;
    }
    if (BULLET.test(line)) {
      if (current?.kind !== 'list') blocks.push((current = { kind: 'list', items: [] }));
      current.items.push(parseInline(line.replace(BULLET, '')));
    } else {
      if (current?.kind !== 'paragraph') blocks.push((current = { kind: 'paragraph', lines: [] }));
      current.lines.push(parseInline(line));
    }
  }
  return blocks;
}
