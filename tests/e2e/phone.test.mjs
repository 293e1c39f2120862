// The planner on a phone (390 × 844, touch), as a workshop participant
// opens it from the QR code: the year table's figures can be read beside
// their labels, and a tap on the bridge chart reads out that year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp } from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

test('on a phone the year table shows figures beside its labels', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await openApp(page, env.url);
  const table = page.getByTestId('year-table');
  await table.scrollIntoViewIfNeeded();
  const { label, figure } = await table.evaluate((t) => {
    const th = t.querySelector('tr[data-metric="need"] th');
    const td = t.querySelector('tr[data-metric="need"] td');
    return { label: th.getBoundingClientRect().toJSON(), figure: td.getBoundingClientRect().toJSON() };
  });
  assert.ok(label.width <= 390 / 2, `the label column is ${label.width} px wide`);
  assert.ok(figure.left >= label.right - 1 && figure.right <= 390, 'the first figure is in view beside its label');
  // A long name wraps rather than widening the column.
  const longest = await table.evaluate((t) => Math.max(...[...t.querySelectorAll('tbody th')].map((th) => th.getBoundingClientRect().width)));
  assert.ok(longest <= 390 / 2, `the widest label cell is ${longest} px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tap on the bridge chart shows that year\'s figures', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await openApp(page, env.url);
  const frame = page.locator('[data-testid="bridge-chart"] .chart-frame');
  await frame.scrollIntoViewIfNeeded();
  const box = await frame.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const tooltip = page.getByTestId('tooltip');
  await tooltip.waitFor({ state: 'visible' });
  assert.match(await tooltip.innerText(), /20\d\d/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone every control is at least 24 px in both directions', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await openApp(page, env.url);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a[href], input, select, summary, [tabindex="0"]')]
    .map((e) => ({ e, b: e.getBoundingClientRect() }))
    // Drawn ones only (a closed section's controls are not).
    .filter(({ b }) => b.width > 0 && b.height > 0)
    .filter(({ b }) => b.width < 23.5 || b.height < 23.5)
    .map(({ e, b }) => `${e.tagName} ${e.dataset.testid ?? e.textContent.trim().slice(0, 20)} ${b.width.toFixed(0)}×${b.height.toFixed(0)}`));
  assert.deepEqual(small, []);
  assert.deepEqual(problems, []);
  await context.close();
});

// On a phone nothing the extras draw is in sight at load (src/ui/island.rs):
// they load at the reader's first touch, key, scroll or print.
const extrasLoaded = (page) => page.evaluate(() => document.querySelector('script[src*="sunset-extras"]') !== null);

test('on a phone the extras wait for the reader, and a tap starts them without moving the results', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await page.goto(env.url);
  await page.waitForSelector('[data-testid="app-ready"]');
  await page.waitForTimeout(1500);
  assert.equal(await extrasLoaded(page), false, 'the extras loaded with nothing of theirs in sight');
  const top = () => page.getByTestId('bridge-chart').evaluate((e) => e.getBoundingClientRect().top);
  const before = await top();
  // A tap on the chart's title: a reader's first touch, which opens nothing.
  const title = await page.locator('[data-testid="bridge-chart"] .chart-title').boundingBox();
  await page.touchscreen.tap(title.x + 5, title.y + 5);
  await page.waitForSelector('[data-island="files"] > *', { state: 'attached' });
  assert.ok(Math.abs((await top()) - before) <= 1, `the chart moved from ${before} to ${await top()}`);
  // Folded in the menu, the files panel is there when Menu opens.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByTestId('export-csv').waitFor({ state: 'visible' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the extras load at the first scroll, before the range of outcomes is in view', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await page.goto(env.url);
  await page.waitForSelector('[data-testid="app-ready"]');
  assert.equal(await extrasLoaded(page), false);
  const fan = page.locator('[data-island="fan"]');
  assert.ok(await fan.evaluate((el) => el.getBoundingClientRect().top > 2 * innerHeight), 'the range of outcomes starts over two screens below');
  // A mouse wheel: no pointer press, no key.
  await page.mouse.wheel(0, 400);
  await page.waitForSelector('[data-island="fan"] > *', { state: 'attached' });
  assert.ok(await fan.evaluate((el) => el.getBoundingClientRect().top > innerHeight), 'they loaded before it came into view');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the simulation workers start only when the goal-seek cards come near, then answer', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openApp(page, env.url);
  // The cards are drawn, waiting for their answers, a few screens down.
  const reform = page.getByTestId('seek-reform');
  await reform.waitFor({ state: 'attached' });
  await page.waitForTimeout(1500);
  assert.ok(await reform.evaluate((el) => el.getBoundingClientRect().top > 2 * innerHeight), 'the cards start more than a screen below the view');
  assert.deepEqual(workers, [], 'no worker started while the cards are far from the view');
  assert.equal(await reform.getAttribute('data-value'), null);
  await reform.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="seek-reform"]').dataset.value !== undefined, null, { timeout: 60000 });
  assert.ok(workers.length > 0 && workers.every((u) => u.includes('sunset-worker')), `workers: ${workers.join(', ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});

// The editor is below the results on a phone, screens away: it is drawn as
// the reader scrolls toward it, not all at load (src/ui/app.rs).
const EDITOR_PARTS = 10;
const drawnParts = (page) => page.locator('.editor > *').count();

test('on a phone the editor is drawn as the reader scrolls toward it', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await page.goto(env.url);
  await page.waitForSelector('.app[data-testid="app-ready"][data-waiting]');
  const atLoad = await drawnParts(page);
  assert.ok(atLoad < EDITOR_PARTS, `${atLoad} of the editor's parts drawn at load`);
  assert.equal(await page.getByTestId('section-shocks').count(), 0, 'the shocks section, screens below, waits');
  // A reader scrolls down a screen at a time; each part is drawn before
  // it comes into view.
  // Until every part is drawn: between two parts the page neither waits
  // nor is ready, so "no longer waiting" alone is not "done".
  const done = '.app[data-testid="app-ready"]:not([data-waiting])';
  for (let i = 0; i < 40 && (await page.locator(done).count()) === 0; i++) {
    await page.mouse.wheel(0, 844);
    await page.waitForTimeout(100);
    await page.waitForSelector('[data-testid="app-ready"]');
  }
  assert.equal(await drawnParts(page), EDITOR_PARTS, 'every part is drawn once the reader has scrolled to the end');
  await page.getByTestId('section-shocks').scrollIntoViewIfNeeded();
  assert.ok(await page.getByTestId('section-shocks').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone a key press draws the whole editor at once, for the Tab key', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await page.goto(env.url);
  await page.waitForSelector('.app[data-testid="app-ready"][data-waiting]');
  await page.keyboard.press('Tab');
  await page.waitForSelector('.app[data-testid="app-ready"]:not([data-waiting])');
  assert.equal(await drawnParts(page), EDITOR_PARTS);
  assert.equal(await page.evaluate(() => scrollY), 0, 'nothing scrolled');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone printing draws the whole page first', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await page.goto(env.url);
  await page.waitForSelector('.app[data-testid="app-ready"][data-waiting]');
  await page.pdf({ format: 'A4' });
  assert.equal(await page.locator('.app[data-waiting]').count(), 0);
  assert.equal(await drawnParts(page), EDITOR_PARTS);
  assert.deepEqual(problems, []);
  await context.close();
});
