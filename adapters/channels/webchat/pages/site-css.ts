/** The demo website's stylesheet, served as a file so the page's CSP can forbid inline styles. */
export const SITE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 Georgia,"Times New Roman",serif;color:#222;background:#fbf8f3}
a{color:#6b2737}
a:focus-visible{outline:3px solid #111;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px}
header.site{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:12px;padding:14px 24px;background:#6b2737;color:#fff}
header.site a{color:#fff;margin-left:18px}
.brand{margin:0;font-size:20px;letter-spacing:.04em}
main{max-width:920px;margin:0 auto;padding:0 24px 120px}
.hero{padding:72px 0 24px;text-align:center}
.hero h1{margin:0;font-size:46px;font-weight:400}
.region{margin:4px 0 0;color:#5b5b5b;font-style:italic}
h2{font-weight:400;font-size:28px;border-bottom:1px solid #d8cfc2;padding-bottom:6px}
.hint{background:#fff;border-left:4px solid #6b2737;padding:10px 14px}
.rooms{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:18px}
.room{background:#fff;padding:16px 18px;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
.room h3{margin:0 0 6px;font-weight:400;font-size:21px}
.meta{color:#5b5b5b;font-size:15px}
address{font-style:normal;margin:12px 0}
footer.site{text-align:center;padding:24px;color:#5b5b5b}
`;
