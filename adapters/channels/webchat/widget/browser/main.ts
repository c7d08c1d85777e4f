import { widgetLocale } from './strings';
import { mountWidget } from './widget';

/**
 * Entry of widget.js. The hotel's tag says which property (`data-property`) and, if it
 * likes, its brand colour (`data-color`); the page's `<html lang>` picks the language.
 */
function boot(script: HTMLScriptElement): void {
  const property = script.dataset.property;
  if (!property || document.querySelector('[data-majordome-chat]')) return;
  const tag = script.dataset.lang || document.documentElement.lang || navigator.language || 'en';
  const mount = () =>
    mountWidget({ origin: new URL(script.src, location.href).origin, property, locale: widgetLocale(tag), localeTag: tag, color: script.dataset.color });
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

// An async script still sees itself as currentScript while it first runs.
const current = document.currentScript;
if (current instanceof HTMLScriptElement) boot(current);
