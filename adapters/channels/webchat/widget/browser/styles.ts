/**
 * The widget's stylesheet. It lives in the shadow root, so the hotel's CSS cannot reach
 * it and it cannot reach the hotel's page. Colours: body text #1b1b1b on #fff and on the
 * bot bubble (#f1f3f4) is about 15:1, muted text #5c6166 about 6:1, links #0b57d0 above
 * 5:1; the brand colour only ever sits under the text colour chosen for it, and outlines
 * buttons only when it keeps 3:1 against white.
 */
export function widgetCss(brand: string, onBrand: string, line: string): string {
  return `
:host{all:initial;--b:${brand};--ob:${onBrand};--l:${line};position:fixed;right:20px;bottom:20px;z-index:2147483000;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b}
*{box-sizing:border-box}
[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button,input{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.launcher{position:relative;width:60px;height:60px;border-radius:50%;border:2px solid #fff;background:var(--b);color:var(--ob);box-shadow:0 4px 14px rgba(0,0,0,.3);display:grid;place-items:center}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b3261e;color:#fff;font-size:12px;font-weight:700;line-height:22px}
.panel{position:fixed;right:20px;bottom:92px;width:min(390px,calc(100vw - 40px));height:min(620px,calc(100vh - 120px));display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden}
.head{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--b);color:var(--ob)}
h2{flex:1;margin:0;font-size:16px;font-weight:700}
.icon{width:40px;height:40px;border:0;border-radius:50%;background:transparent;display:grid;place-items:center;flex:none}
.icon svg{width:22px;height:22px;fill:currentColor}
.status{margin:0;padding:4px 16px;font-size:13px;color:#5c6166;background:#fff8e1}
.status:empty{display:none}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.msg{display:flex;flex-direction:column;max-width:100%}
.bubble{padding:8px 12px;border-radius:14px;max-width:85%;overflow-wrap:anywhere}
.bubble p{margin:0 0 6px}.bubble p:last-child{margin:0}
.bubble ul{margin:4px 0;padding-left:20px}
.bot .bubble{background:#f1f3f4;align-self:flex-start;border-bottom-left-radius:4px}
.user .bubble{background:var(--b);color:var(--ob);align-self:flex-end;border-bottom-right-radius:4px;white-space:pre-wrap}
.user.pending .bubble{opacity:.75}
.failed{align-self:flex-end;margin:2px 0 0;font-size:13px;color:#b3261e}
a{color:#0b57d0;text-decoration:underline}
.user a{color:inherit}
.cards{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-direction:column;gap:10px}
.carousel{flex-direction:row;overflow-x:auto;scroll-snap-type:x mandatory;padding-bottom:6px}
.card{flex:none;width:100%;border:1px solid #dadce0;border-radius:12px;overflow:hidden;background:#fff;scroll-snap-align:start;display:flex;flex-direction:column}
.carousel .card{width:78%}
.card img{display:block;width:100%;aspect-ratio:16/9;object-fit:cover;background:#e8eaed}
.card-body{padding:10px 12px;display:flex;flex-direction:column;gap:4px;flex:1}
.card-title{margin:0;font-size:15px}
.card-subtitle{margin:0;color:#5c6166;font-size:14px}
.card-text{font-size:14px}.card-text p{margin:0 0 4px}
.card-buttons{display:flex;flex-direction:column;gap:6px;margin-top:auto;padding-top:6px}
.card-button,.chip{border:2px solid var(--l);background:#fff;color:#1b1b1b;border-radius:18px;padding:6px 12px;text-align:center}
.card-button:hover,.chip:hover{background:#f1f3f4}
.typing{align-self:flex-start;margin:0 12px 6px;padding:10px 14px;border-radius:14px;background:#f1f3f4;display:flex;gap:4px}
.typing span{width:7px;height:7px;border-radius:50%;background:#5c6166;animation:mj-dot 1.2s infinite ease-in-out}
.typing span:nth-child(2){animation-delay:.2s}.typing span:nth-child(3){animation-delay:.4s}
@keyframes mj-dot{0%,80%,100%{opacity:.3}40%{opacity:1}}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 8px}
form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #dadce0}
input{flex:1;min-width:0;border:1px solid #80868b;border-radius:20px;padding:9px 14px;background:#fff}
input::placeholder{color:#5c6166}
.send{width:42px;height:42px;border:0;border-radius:50%;background:var(--b);color:var(--ob);display:grid;place-items:center;flex:none}
.send svg{width:20px;height:20px;fill:currentColor}
@media (max-width:600px){.panel{inset:0;width:auto;height:auto;border-radius:0}}
@media (prefers-reduced-motion:reduce){.typing span{animation:none;opacity:.7}}
@media (forced-colors:active){.launcher,.send,.bubble,.card-button,.chip{border:1px solid CanvasText}}
`;
}

/**
 * A constructed stylesheet: under `style-src 'self'` neither a <style> element nor a style
 * attribute is allowed, but a stylesheet built through the CSSOM is. Browsers without
 * constructable stylesheets get a <style> element (fine on pages without a strict CSP).
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
