import { parseInline, parseMarkdown, safeHref } from '../../../../../adapters/channels/webchat/widget/browser/markdown';

describe('the widget’s light markdown', () => {
  it('reads bold, markdown links and bare links, and leaves the rest as text', () => {
    expect(parseInline('Total **€480** — [terms](https://example.org/terms) or see https://example.org/pay/x.')).toEqual([
      { kind: 'text', text: 'Total ' },
      { kind: 'bold', children: [{ kind: 'text', text: '€480' }] },
      { kind: 'text', text: ' — ' },
      { kind: 'link', href: 'https://example.org/terms', text: 'terms' },
      { kind: 'text', text: ' or see ' },
      { kind: 'link', href: 'https://example.org/pay/x', text: 'https://example.org/pay/x' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markup and script URLs as plain text', () => {
    expect(parseInline('<img src=x onerror=alert(1)> [click](javascript:alert(1))')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> [click](javascript:alert(1))' },
    ]);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>')).toBeNull();
    expect(safeHref('mailto:reception@example.org')).toBe('mailto:reception@example.org');
  });

  it('groups "- " lines into a list and keeps other line breaks', () => {
    expect(parseMarkdown('Voici votre réservation :\n- Suite\n- 3 nuits\n\nJe réserve ?\nOui ?')).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Voici votre réservation :' }]] },
      { kind: 'list', items: [[{ kind: 'text', text: 'Suite' }], [{ kind: 'text', text: '3 nuits' }]] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Je réserve ?' }], [{ kind: 'text', text: 'Oui ?' }]] },
    ]);
  });

  it('links inside bold stay links, and a bold inside bold stays text', () => {
    expect(parseInline('**pay at https://x.example/p**')).toEqual([
      { kind: 'bold', children: [{ kind: 'text', text: 'pay at ' }, { kind: 'link', href: 'https://x.example/p', text: 'https://x.example/p' }] },
    ]);
  });
});
