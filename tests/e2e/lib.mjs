// Shared plumbing for the end-to-end tests: serve the release dist/ on
// loopback, drive Debian's Chromium with playwright-core, and collect
// everything a person would call broken (console errors, page errors,
// failed requests), so each test can fail on it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'e2e');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};
// What a static host compresses (PNG is compressed already).
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);

/**
 * Serves dist/ on 127.0.0.1 (or `host`) at a free port; resolves to
 * { url, port, close }.
 * With `gzip`, text and wasm go out gzip-encoded to clients that accept
 * it, as any static host serves them (the audit measures that case).
 */
export async function serveDist(dir = DIST, { gzip = false, host = '127.0.0.1' } = {}) {
  const packed = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
        body = packed.get(file);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, host, ok));
  const { port } = server.address();
  const at = host === '0.0.0.0' ? '127.0.0.1' : host;
  return { url: `http://${at}:${port}/`, port, close: () => new Promise((ok) => server.close(ok)) };
}

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium, headless, with no background traffic. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * The same Chromium with an ordinary profile kept in `dir`, for what it
 * refuses to incognito windows (as every `newPage` context is), such as
 * installing an app. Resolves to { context, page, problems }.
 */
export async function launchProfile(dir, { viewport = { width: 1400, height: 900 } } = {}) {
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport });
  return watch(context, context.pages()[0] ?? await context.newPage());
}

/**
 * A fresh context and page (own storage, as a new visitor). `problems`
 * collects console errors, uncaught page errors, failed requests, HTTP
 * errors and Content Security Policy violations; tests assert it stays
 * empty.
 */
export async function newPage(browser, { viewport = { width: 1400, height: 900 }, ...device } = {}) {
  // `device`: e.g. `hasTouch` and `isMobile` for a phone.
  const context = await browser.newContext({ viewport, ...device });
  return watch(context, await context.newPage());
}

async function watch(context, page) {
  // Every page of the context reports what the policy blocked as a console
  // error, which `problems` then holds (Chromium logs most of them anyway;
  // this catches every one, with its directive).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A load cut short by leaving the page (a reload while the extras or the
  // worker load after the first paint) is no failure.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { context, page, problems };
}

/**
 * Opens the app at `url` and waits until the wasm has mounted it and the
 * extras (loaded after the first paint) have drawn the files panel, so that
 * nothing moves under a test's pointer after this. (Drawn, not shown: on a
 * phone the panel waits folded in the menu.)
 */
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
  await drawAll(page);
  await page.waitForSelector('[data-island="files"] > *', { state: 'attached', timeout: 30000 });
}

/**
 * In one column (a phone), the app draws the parts of the page far below
 * the view only as the reader scrolls near them, and all of them at once
 * on a key press (src/ui/app.rs, `use_drawn`). A harmless key (Shift)
 * draws them for a test that needs the whole page, without scrolling.
 */
export async function drawAll(page) {
  if (await page.locator('.app[data-waiting]').count() === 0) return;
  await page.keyboard.press('Shift');
  await page.waitForSelector('.app[data-testid="app-ready"]:not([data-waiting])', { timeout: 30000 });
}

const SUNSET = () => process.env.SUNSET_BIN ?? join(ROOT, 'target', 'host', 'release', 'sunset');

/** The share-link payload of `plan`, from the command-line encoder. */
export function linkPayload(plan) {
  return execFileSync(SUNSET(), ['link', '-'], { input: JSON.stringify(plan) }).toString().trim();
}

/**
 * Runs the command-line evaluator on a plan object; returns its JSON.
 * With `scenario`, the projection of that scenario of the plan.
 */
export function evaluatePlan(plan, { scenario } = {}) {
  const args = ['evaluate', '-', ...(scenario === undefined ? [] : ['--scenario', scenario])];
  const out = execFileSync(SUNSET(), args, { input: JSON.stringify(plan) });
  return JSON.parse(out.toString());
}

/** `sunset compare` of scenarios `a` and `b` of a plan object: B − A as JSON. */
export function comparePlan(plan, a, b) {
  const out = execFileSync(SUNSET(), ['compare', '-', a, b], { input: JSON.stringify(plan) });
  return JSON.parse(out.toString());
}

/** Sets a range input to `value` the way a drag does: input events, then change. */
export async function dragRange(locator, values) {
  for (const v of values) {
    await locator.evaluate((el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, v);
  }
  await locator.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
}

/**
 * Drags a range input's thumb with the mouse, as a person does: press on
 * the thumb's current position, move in `steps` steps to `fraction` (0..1)
 * of the track, release.
 */
export async function mouseDrag(page, locator, fraction, steps = 10) {
  const box = await locator.boundingBox();
  const value = await locator.evaluate((el) => (el.value - el.min) / (el.max - el.min));
  const y = box.y + box.height / 2;
  const at = (f) => box.x + 8 + f * (box.width - 16);
  await page.mouse.move(at(value), y);
  await page.mouse.down();
  await page.mouse.move(at(fraction), y, { steps });
  await page.mouse.up();
}

/** Reads the text of the element with this data-testid. */
export async function testText(page, id) {
  // Scrolled to, as a reader would: the year table below the fold is not
  // laid out (content-visibility), and an element not laid out has no text.
  const el = page.getByTestId(id);
  await el.scrollIntoViewIfNeeded();
  return el.innerText();
}

/** The plan file committed as the app's default plan. */
export function defaultPlan() {
  return JSON.parse(readFileSync(join(ROOT, 'plans', 'default.json'), 'utf8'));
}

/**
 * `x.toFixed(d)` as Rust's `format!("{:.d}")` writes it: the same but for
 * an exact tie (2.5 to 0 places), which Rust rounds to even ("2") and
 * JavaScript away from zero ("3").
 */
export function fixedLikeRust(x, d) {
  const js = x.toFixed(d);
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return js;
  const exact = x.toFixed(100); // every digit of a double this size
  const dot = exact.indexOf('.');
  if (!/^50*$/.test(exact.slice(dot + 1 + d))) return js;
  const truncated = exact.slice(0, d === 0 ? dot : dot + 1 + d);
  return Number(truncated.at(-1)) % 2 === 0 ? truncated : js;
}

/**
 * A number as src/ui/format.rs `number` writes it: `decimals` places,
 * grouped thousands ("1,234.5" in English, "1 234,5" in French with a
 * narrow no-break space), a real minus sign, "–" when not finite.
 */
export function numberText(x, decimals, lang = 'en') {
  if (!Number.isFinite(x)) return '–';
  const s = fixedLikeRust(Math.abs(x), decimals);
  const [int, frac] = s.split('.');
  const [group, point] = lang === 'fr' ? ['\u202f', ','] : [',', '.'];
  const sign = x < 0 && /[1-9]/.test(s) ? '−' : '';
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac === undefined ? '' : point + frac);
}

/**
 * Short money, as src/ui/format.rs `money_short` writes it (three
 * significant figures with k / M / bn / tn, in French k / M / Md, and
 * thousands of Md for a trillion: no scale word reads two ways), so tests
 * can compare the evaluator's numbers with what the page shows.
 */
/** A power of ten as the page writes it: 2.5e20 → "2.5e20" ("2,5e20" in French). */
function exponentText(x, lang) {
  const [m, e] = Math.abs(x).toExponential(2).split('e');
  const mant = m.replace(/0+$/, '').replace(/\.$/, '');
  return `${x < 0 ? '\u2212' : ''}${lang === 'fr' ? mant.replace('.', ',') : mant}e${Number(e)}`;
}

/** A price index or exchange rate: `decimals` places, a power of ten from a million. */
export function plainText(x, decimals, lang = 'en') {
  return Math.abs(x) >= 1e6 ? exponentText(x, lang) : numberText(x, decimals, lang);
}

export function moneyShort(x, lang = 'en') {
  const a = Math.abs(x);
  const fr = lang === 'fr';
  // Past 1 000 tn: mantissa to three figures and a power of ten.
  if (a >= 1e15) return exponentText(x, lang);
  const [scale, unit] = a >= 1e12 && !fr ? [1e12, ' tn'] : a >= 1e9 ? [1e9, fr ? ' Md' : ' bn'] : a >= 1e6 ? [1e6, ' M'] : a >= 1e3 ? [1e3, ' k'] : [1, ''];
  const v = x / scale;
  if (Math.abs(v) >= 1000) {
    const p = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2);
    return numberText(Math.round(v / p) * p, 0, lang) + unit;
  }
  const d = scale === 1 ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return numberText(v, d, lang) + unit;
}

/** A percentage as the page writes it: "12.3 %" (no-break space). */
export function pctText(x, lang = 'en') {
  return `${plainText(x, 1, lang)}\u00a0%`;
}

/**
 * The year table the page should show for an evaluator result: per
 * `data-metric` row, the cells in year order, written as
 * src/ui/components/year_table.rs writes them (money and population short,
 * price index to 3 places, exchange rate to 2, the rest as percentages),
 * money in the plan's own currency.
 */
export function expectedYearTable(result, lang = 'en') {
  const plain = { price_index: 3, fx: 2 };
  const pcts = new Set(['self_sufficiency_pct', 'donor_share_pct', 'revenue_pct_gdp', 'social_protection_pct_gdp', 'donor_drop_pct']);
  const write = (key, v) => (key in plain ? plainText(v, plain[key], lang) : pcts.has(key) ? pctText(v, lang) : moneyShort(v, lang));
  const rows = {};
  for (const [key, value] of Object.entries(result.years[0])) {
    if (key === 'year') continue;
    if (value !== null && typeof value === 'object') {
      for (const name of Object.keys(value)) {
        rows[`${key}.${name}`] = result.years.map((y) => moneyShort(y[key][name], lang));
      }
    } else {
      rows[key] = result.years.map((y) => write(key, y[key]));
    }
  }
  return { years: result.years.map((y) => String(y.year)), rows };
}
