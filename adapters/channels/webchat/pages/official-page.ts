import { escapeHtml as e } from './html';

/**
 * Microsoft's Web Chat, unchanged, on our Direct Line. No strict CSP here: the official
 * bundle injects its styles at run time, which `style-src 'self'` would block.
 */
export function officialPage(propertyId: string, locale: 'fr' | 'en', title: string): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-US';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} – Web Chat</title>
<link rel="stylesheet" href="/webchat/official.css">
<script src="/webchat/official/webchat.js" defer></script>
<script src="/webchat/official.js" defer></script>
</head>
<body>
<main id="webchat" data-property="${e(propertyId)}" data-locale="${tag}" role="main"></main>
</body>
</html>`;
}

export const OFFICIAL_CSS = 'html,body{height:100%;margin:0}#webchat{height:100%;max-width:720px;margin:0 auto}';
