/** The site's only stylesheet, inlined in every page: no request, no render blocking. */

export const STYLESHEET = `
:root{color-scheme:light dark;--bg:#fdfcfa;--fg:#1c1b1a;--muted:#595550;--accent:#a32018;--rule:#e4e0da;--focus:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#161514;--fg:#ecebe8;--muted:#b3aea7;--accent:#ff8f80;--rule:#34312e;--focus:#8ab4f8}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PT Sans",Arial,sans-serif}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:1px solid var(--rule)}
header.site .wrap{display:flex;gap:1rem;align-items:baseline;justify-content:space-between;padding-block:.75rem}
header.site a{font-weight:700;text-decoration:none;color:var(--fg)}
main{padding-block:1.5rem 3rem}
h1,h2,h3{line-height:1.25;text-wrap:balance}
h1{font-size:1.9rem;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin-top:2.5rem}
h3{font-size:1.2rem;margin:0 0 .35rem}
p,li,figcaption{hyphens:auto;overflow-wrap:break-word}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.meta{color:var(--muted);font-size:.95rem;margin:.25rem 0 .75rem}
.teaser{border-top:1px solid var(--rule);padding-block:1.25rem}
.teaser p{margin:.35rem 0}
.teaser{display:flow-root}
.thumb{float:right;width:7rem;height:auto;margin:.25rem 0 .5rem 1rem;border-radius:.25rem}
.tags{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem}
.tags a{display:inline-block;padding:.1rem .6rem;border:1px solid var(--rule);border-radius:1rem;font-size:.9rem;text-decoration:none}
figure{margin:1rem 0 1.5rem}
figure img{max-width:100%;height:auto}
figcaption{color:var(--muted);font-size:.95rem;border-left:3px solid var(--rule);padding-left:.75rem}
.subscribe{border:1px solid var(--rule);border-radius:.5rem;padding:.25rem 1.25rem 1rem;margin-top:2.5rem}
.subscribe li{margin:.35rem 0}
.subscribe code{font-size:.85rem;word-break:break-all;color:var(--muted)}
nav.pager,nav.neighbours{display:flex;justify-content:space-between;gap:1rem;border-top:1px solid var(--rule);margin-top:2rem;padding-top:1rem}
footer.site{border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem;padding-block:1rem 2rem}
`.trim();
