import { localize } from '../../../../domain/catalog/locales';
import type { Property } from '../../../../domain/catalog/schema';
import { DEMO_TEXT, type DemoLocale } from './demo-page-text';
import { escapeHtml as e } from './html';

/** The brand colour of the demo château: a deep burgundy (white text on it is 10:1). */
export const DEMO_BRAND = '#6b2737';

/** The hotel's own website, as a hotel would have it, with the one tag that adds the chat. */
export function demoPage(property: Property, locale: DemoLocale): string {
  const t = DEMO_TEXT[locale];
  const name = e(localize(property.name, locale));
  const rooms = property.unitTypes
    .map(
      (u) => `<li class="room"><h3>${e(localize(u.name, locale))}</h3><p>${e(localize(u.description, locale))}</p><p class="meta">${e(
        t.sleeps(u.capacity.adults, u.capacity.children),
      )}${u.sizeM2 ? ` · ${u.sizeM2} m²` : ''}</p></li>`,
    )
    .join('');
  const a = property.address;
  const address = [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.region].filter((x): x is string => !!x).map(e).join('<br>');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title>
<link rel="stylesheet" href="/site.css">
<script src="/widget.js" data-property="${e(property.id)}" data-color="${DEMO_BRAND}" async></script>
</head>
<body>
<a class="skip" href="#main">${e(t.skip)}</a>
<header class="site">
<p class="brand">${name}</p>
<nav aria-label="${e(t.estate)}"><a href="#rooms">${e(t.rooms)}</a><a href="#practical">${e(t.practical)}</a><a href="/?lang=${t.switchTo.lang}" lang="${t.switchTo.lang}">${e(t.switchTo.label)}</a></nav>
</header>
<main id="main">
<section class="hero"><h1>${name}</h1><p class="region">${e(a.region ?? a.city)}</p></section>
<section aria-labelledby="estate"><h2 id="estate">${e(t.estate)}</h2><p>${e(localize(property.description, locale))}</p><p class="hint">${e(t.chatHint)}</p></section>
<section id="rooms" aria-labelledby="rooms-title"><h2 id="rooms-title">${e(t.rooms)}</h2><ul class="rooms">${rooms}</ul></section>
<section id="practical" aria-labelledby="practical-title"><h2 id="practical-title">${e(t.practical)}</h2>
<ul><li>${e(t.checkIn(property.checkInTime))}</li><li>${e(t.checkOut(property.checkOutTime))}</li></ul>
<address>${address}</address>
<p>${e(t.contact)} : <a href="mailto:${e(property.contact.email)}">${e(property.contact.email)}</a> · <a href="tel:${e(property.contact.phone)}">${e(property.contact.phone)}</a></p>
</section>
</main>
<footer class="site"><a href="/webchat/official?lang=${locale}">${e(t.official)}</a></footer>
</body>
</html>`;
}
