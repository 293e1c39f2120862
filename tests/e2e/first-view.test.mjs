// The first view: the default plan drawn into the release page at build
// time (scripts/first-view.mjs). A first visit sees it before the app's
// wasm has arrived, and the app takes its place without moving anything;
// a visitor whose app opens another plan (a link, a saved plan) never sees
// the default plan's figures in place of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp, drawAll, linkPayload, defaultPlan } from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
/** The app's own wasm (not the extras' or the worker's). */
const APP_WASM = /\/sunset-planner-[0-9a-f]+_bg\.wasm$/;

/** Holds the app's wasm back until the returned function is called. */
async function holdApp(page) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(APP_WASM, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** When the page asked for the app's wasm, in ms from its start. */
function wasmAskedAt(page) {
  return page.evaluate((app) => performance.getEntriesByType('resource')
    .find((r) => new RegExp(app).test(r.name))?.startTime, APP_WASM.source);
}

/** Records every layout shift of the page from its start. */
async function watchShifts(page) {
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Records whether any frame of the page showed neither the first view nor the app. */
async function watchBlankFrames(page) {
  await page.addInitScript(() => {
    window.blankFrames = 0;
    const look = () => {
      const first = document.getElementById('first-view');
      const app = [...document.querySelectorAll('.app:not([data-starting])')].some((a) => !a.closest('#first-view'));
      if (!first && !app && document.body) window.blankFrames++;
      if (!app) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

test('a first visit sees the default plan at once, then the app in its place without a jump', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await watchShifts(page);
  await watchBlankFrames(page);
  const release = await holdApp(page);
  await page.goto(env.url);
  const first = page.locator('#first-view');
  const summary = first.locator('.chart-summary');
  await summary.waitFor({ state: 'visible' });
  const early = await summary.innerText();
  assert.match(early, /^Local revenue covers \d/);
  assert.equal(await first.evaluate((e) => e.inert), true, 'nothing in the first view can be clicked or focused');
  assert.equal(await first.locator('[data-testid]').count(), 0, 'no test id of the app is in the first view');
  assert.equal(await first.locator('.share-url').inputValue(), '', 'no build-time address is shown as the link');
  assert.equal(await page.getByTestId('app-ready').count(), 0);

  release();
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
  assert.equal(await first.count(), 0, 'the app removed the first view');
  assert.equal(await page.getByTestId('bridge-summary').innerText(), early, 'the first view is the default plan as the app draws it');
  assert.deepEqual(await page.evaluate(() => window.shifts), [], 'nothing moved when the app took over');
  assert.equal(await page.evaluate(() => window.blankFrames), 0, 'no frame showed neither the first view nor the app');
  // The wasm waited for that paint (boot.js), not the other way round.
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  const wasm = await wasmAskedAt(page);
  assert.ok(paint > 0 && wasm >= paint, `first paint at ${paint} ms, wasm asked for at ${wasm} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('however late the first paint, the wasm waits for it', async () => {
  // A busy phone: the first paint is reported 1.5 s late. Giving up on it
  // after half a second fetched the wasm first, and the app drew the first
  // frame itself, as late as the whole wasm.
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await page.addInitScript(() => {
    const Observer = window.PerformanceObserver;
    window.PerformanceObserver = class extends Observer {
      constructor(then) {
        super((list, observer) => setTimeout(() => then(list, observer), 1500));
      }
    };
  });
  await page.goto(env.url);
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
  const wasm = await wasmAskedAt(page);
  assert.ok(wasm >= 1500, `wasm asked for at ${wasm} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link never shows the default plan in its place', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  const plan = defaultPlan();
  plan.meta.name = 'Linked plan';
  plan.macro.inflation_pct = 12;
  const release = await holdApp(page);
  await page.goto(`${env.url}#plan=${linkPayload(plan)}`);
  const first = page.locator('#first-view');
  await first.waitFor({ state: 'attached' });
  assert.equal(await first.isVisible(), false, 'the default plan is hidden from a link');
  release();
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
  assert.equal(await first.count(), 0);
  await drawAll(page);
  assert.equal(await page.getByTestId('input-macro.inflation_pct').inputValue(), '12');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a saved plan never shows the default plan in its place', async () => {
  // Without the service worker, which would serve the reload's wasm from
  // its cache, past the hold.
  const { page, problems, context } = await newPage(env.browser, { ...PHONE, serviceWorkers: 'block' });
  await openApp(page, env.url);
  const input = page.getByTestId('input-macro.inflation_pct');
  await input.scrollIntoViewIfNeeded();
  await input.fill('9');
  await input.press('Enter');
  // Autosave has kept the edited plan.
  await page.waitForFunction(() => /"inflation_pct":\s*9\b/.test(localStorage.getItem('sunset-planner/current') ?? ''));
  const release = await holdApp(page);
  await page.reload();
  const first = page.locator('#first-view');
  await first.waitFor({ state: 'attached' });
  assert.equal(await first.isVisible(), false, 'the default plan is hidden from a returning visitor');
  release();
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
  await drawAll(page);
  assert.equal(await page.getByTestId('input-macro.inflation_pct').inputValue(), '9');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a desktop, in either language, nothing moves while the app and its extras draw', async () => {
  // The extras (the files panel, the range of outcomes) arrive after the
  // app. Before, the files panel squeezed the link and its buttons aside,
  // or wrapped onto a row of its own, and the range of outcomes pushed the
  // headline cards away from the bridge.
  for (const [lang, width] of [['en', 1350], ['en', 1000], ['fr', 1350], ['fr', 1100]]) {
    const { page, problems, context } = await newPage(env.browser, { viewport: { width, height: 940 } });
    await watchShifts(page);
    if (lang === 'fr') {
      await page.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('sunset-planner/view', JSON.stringify({ lang: 'fr' }));
        }
      });
    }
    await page.goto(env.url);
    await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
    await page.locator('.files-panel').waitFor();
    await page.locator('.island[data-island="fan"] > *').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    // Two frames, for any shift of the last drawing to be reported.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    assert.deepEqual(await page.evaluate(() => window.shifts), [], `${lang} at ${width} px: nothing moved`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the app takes the first view\'s place at its size: the cards under the bridge stay put', async () => {
  // The app's cards are new nodes, so a jump here is no layout shift to
  // the browser, but a person sees it: the first view's bridge was drawn
  // for a phone (91 px short on a desktop), and its link's length, which
  // the app writes, was empty (the share bar wrapped only in the app).
  for (const [size, phone] of [[{ width: 390, height: 844 }, true], [{ width: 1000, height: 900 }, false], [{ width: 1350, height: 940 }, false]]) {
    const { page, problems, context } = await newPage(env.browser, phone ? PHONE : { viewport: size });
    const release = await holdApp(page);
    await page.goto(env.url);
    await page.locator('#first-view .chart-summary').waitFor({ state: 'visible' });
    const cards = () => page.evaluate(() => document.querySelector('.indicators').getBoundingClientRect().top);
    const before = await cards();
    release();
    await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
    assert.equal(await page.locator('#first-view').count(), 0);
    const after = await cards();
    assert.ok(Math.abs(after - before) < 1, `at ${size.width} px the cards moved from ${before} to ${after}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
