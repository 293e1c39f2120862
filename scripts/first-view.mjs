// The first view, drawn into dist/index.html at build time: the default
// plan's header, bridge chart and headline cards as plain HTML, so that a
// phone paints them while the app's wasm is still on its way (on a slow
// mobile network the wasm alone takes seconds). The app removes it when it
// starts (src/ui/mod.rs) and draws the same view in its place; first.js
// hides it before the first paint from a visitor whose app will open
// something else (a link, a saved plan or saved display choices), so
// nobody sees the default plan's figures in place of their own. It also
// drops Trunk's preload of the app's wasm (see below).
//
// It is the app's own rendering, taken in Chromium from the built dist/,
// so there is no second copy of any view to keep in step. Run by
// scripts/build.sh after Trunk and before scripts/strict-page.mjs.
//
// Usage: node scripts/first-view.mjs [DIST_DIR]   (default dist/)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, serveDist } from '../tests/e2e/lib.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const file = join(dist, 'index.html');
const html = readFileSync(file, 'utf8');
if (html.includes('id="first-view"')) {
  console.error(`first-view: ${file} has a first view already`);
  process.exit(1);
}

const server = await serveDist(dist);
const browser = await launchBrowser();
let view;
try {
  // A common phone's width (Lighthouse's mobile one too): the chart is
  // drawn for it (styles/app.css shrinks it to a narrower screen).
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 60000 });
  view = await page.evaluate(() => {
    const app = document.querySelector('.app').cloneNode(true);
    // Form fields show their values as attributes (the app sets them as
    // properties, which a copy of the markup would lose).
    const live = document.querySelector('.app');
    const liveInputs = live.querySelectorAll('input, select');
    app.querySelectorAll('input, select').forEach((el, i) => {
      const from = liveInputs[i];
      if (!from) return;
      if (el.tagName === 'SELECT') el.querySelectorAll('option').forEach((o) => o.toggleAttribute('selected', o.value === from.value));
      else if (el.type === 'checkbox' || el.type === 'radio') el.toggleAttribute('checked', from.checked);
      else el.setAttribute('value', from.value);
    });
    // The share link holds this build server's address: the app writes
    // the page's own.
    for (const el of app.querySelectorAll('.share-url, .share-length')) {
      el.removeAttribute('value');
      if (el.tagName !== 'INPUT') el.textContent = '';
    }
    // What the app's first render leaves for later tasks (src/ui/app.rs,
    // `use_drawn`), and what the extras draw after the first paint.
    for (const el of app.querySelectorAll('.editor > *, .small-charts, .year-table-section, [data-island] > *')) el.remove();
    // Nothing a test or the extras could take for the app: no test ids, no
    // extras' hosts or messages. (Its ids go when the app starts, before
    // the app's own are drawn.)
    for (const el of [app, ...app.querySelectorAll('*')]) {
      for (const { name } of [...el.attributes]) if (name.startsWith('data-')) el.removeAttribute(name);
    }
    return app.outerHTML;
  });
} finally {
  await browser.close();
  await server.close();
}

const body = html.match(/<body[^>]*>/i);
if (!body) {
  console.error(`first-view: ${file} has no <body>`);
  process.exit(1);
}
const at = body.index + body[0].length;
// No preload of the app's wasm: boot.js fetches it once the first view is
// painted, so the style sheets that paint needs have the network to
// themselves.
const head = html.slice(0, at).replace(/<link\b[^>]*>/g, (tag) => (/\brel=["']?preload\b/.test(tag) && /_bg\.wasm\b/.test(tag) ? '' : tag));
writeFileSync(file, `${head}<div id="first-view" inert>${view}</div>${html.slice(at)}`);
console.log(`first-view: ${view.length} characters of first view written to ${file}`);
