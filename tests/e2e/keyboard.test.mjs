// The app by keyboard alone: a skip link first, the bridge chart read year
// by year with the arrows, every dialog giving the focus back to the
// control that opened it, and a whole session (a plan built, scenarios
// compared, the link shared) with no pointer at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, openApp, evaluatePlan, defaultPlan, moneyShort,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { openSection } from './plan-io.mjs';

const env = useApp();

async function fresh() {
  const r = await newPage(env.browser);
  await openApp(r.page, env.url);
  return r;
}

/** The focused element's data-testid (or tag and class when it has none). */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el?.dataset.testid ?? `${el?.tagName.toLowerCase()}.${el?.className}`;
});

/** Presses Tab until `matches(el)` holds for the focused element; fails after `max` presses. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i + 1;
  }
  throw new Error(`${selector} not reached in ${max} presses of Tab (focus on ${await focused(page)})`);
}

test('the first Tab reaches a visible "Skip to results" that moves the focus to the results', async () => {
  const { page, problems, context } = await fresh();
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'skip-link');
  const skip = page.getByTestId('skip-link');
  assert.equal(await skip.innerText(), 'Skip to results');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 900 && box.width > 20, `skip link at ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'results');
  // Off screen again once the focus has left it.
  const after = await skip.boundingBox();
  assert.ok(after.y + after.height <= 0, `skip link still shows at ${JSON.stringify(after)}`);

  await page.getByTestId('lang-fr').click();
  await page.getByTestId('skip-link').focus();
  assert.equal(await skip.innerText(), 'Aller aux résultats');
  assert.deepEqual(problems, []);
  await context.close();
});

test('from the results, Tab reaches the bridge chart and three ArrowRight presses read the fourth year', async () => {
  const { page, problems, context } = await fresh();
  const p = evaluatePlan(defaultPlan());
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-testid="bridge-chart"] .chart-frame');
  const tip = page.getByTestId('tooltip');
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.locator('.tooltip-year').innerText(), String(p.years[0].year));
  for (const i of [1, 2, 3]) {
    await page.keyboard.press('ArrowRight');
    assert.equal(await tip.locator('.tooltip-year').innerText(), String(p.years[i].year));
  }
  const text = await tip.innerText();
  assert.match(text, new RegExp(moneyShort(p.years[3].need).replace('.', '\\.')));
  // The tooltip sits beside the highlighted column, not where it was.
  const column = await page.locator('[data-testid="bridge-chart"] rect.active-year').boundingBox();
  const box = await tip.boundingBox();
  assert.ok(box.x >= column.x + column.width || box.x + box.width <= column.x,
    `tooltip ${JSON.stringify(box)} overlaps column ${JSON.stringify(column)}`);
  assert.ok(Math.min(Math.abs(box.x - (column.x + column.width)), Math.abs(column.x - (box.x + box.width))) < 30,
    `tooltip ${JSON.stringify(box)} is far from column ${JSON.stringify(column)}`);
  // Leaving the chart hides the tooltip.
  await page.keyboard.press('Tab');
  await tip.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('closing the QR panel gives the focus back to the QR code button', async () => {
  const { page, problems, context } = await fresh();
  const button = page.getByTestId('qr-button');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('qr-svg').waitFor();
  assert.equal(await focused(page), 'qr-close');
  await page.keyboard.press('Escape');
  await page.getByTestId('qr-panel').waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'qr-button');
  // The Close button does the same.
  await page.keyboard.press('Enter');
  await page.getByTestId('qr-svg').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('qr-panel').waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'qr-button');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the co-financer removal question takes the focus and gives it back when kept', async () => {
  const { page, problems, context } = await fresh();
  await openSection(page, 'spending');
  const health = defaultPlan().costs.findIndex((c) => c.name === 'Health');
  const remove = page.getByTestId(`remove-costs[${health}]`);
  const confirm = page.getByTestId(`confirm-remove-costs[${health}]`);
  await remove.focus();
  await page.keyboard.press('Enter');
  await confirm.waitFor();
  assert.equal(await focused(page), `keep-costs[${health}]`);
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await focused(page), `remove-costs[${health}]`);
  await page.keyboard.press('Enter');
  await confirm.waitFor();
  await page.keyboard.press('Enter'); // on "Keep"
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await focused(page), `remove-costs[${health}]`);
  assert.equal(await page.getByTestId(`remove-costs[${health}]`).getAttribute('aria-label'), 'Remove: Health');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens the presenter view from "Present" by keyboard and leaves it with Escape. */
async function presentAndLeave(page) {
  await page.getByTestId('present-button').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('presenter-scenario').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('results').waitFor();
}

test('leaving the presenter view gives the focus back to the Present button', async () => {
  const { page, problems, context } = await fresh();
  await presentAndLeave(page);
  assert.equal(await focused(page), 'present-button');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone, leaving the presenter view gives the focus to the menu that holds Present', async () => {
  const { page, problems, context } = await newPage(env.browser, { viewport: { width: 390, height: 844 } });
  await openApp(page, env.url);
  await page.getByTestId('menu-button').focus();
  await page.keyboard.press('Enter');
  await presentAndLeave(page);
  assert.equal(await focused(page), 'menu-button');
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Presses Tab (Shift+Tab when `back`) until `selector` has the focus;
 * fails after `max` presses.
 */
async function keyTo(page, selector, { back = false, max = 600 } = {}) {
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${selector} not reached in ${max} presses of ${key} (focus on ${await focused(page)})`);
}

/** Replaces the text of the focused field by `text` and leaves it with Tab (a change). */
async function typeOver(page, text) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Moves the focus to `selector` from wherever it is: backwards, then forwards. */
async function reach(page, selector) {
  const before = await page.evaluate((s) => {
    const el = document.querySelector(s);
    const at = document.activeElement;
    // Where the target sits in document order from the focus.
    return !!(el && at && at !== document.body && (at.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING));
  }, selector);
  await keyTo(page, selector, { back: before });
}

/** The share panel's link once it holds still (it follows a change a moment later). */
async function settledLink(page) {
  let last = null;
  for (;;) {
    const now = await page.getByTestId('share-url').inputValue();
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(400);
  }
}

test('by keyboard alone: a plan built, two scenarios compared and its link shared', async () => {
  const { page, problems, context } = await fresh();
  // The baseline: faster growth, a pledge cut, a new donor with a name.
  await reach(page, '[data-testid="input-macro.real_growth_pct"]');
  await typeOver(page, '5.5');
  await reach(page, '[data-testid="input-donors[1].fulfilment_pct"]');
  await typeOver(page, '80');
  await reach(page, '[data-testid="add-donor"]');
  await page.keyboard.press('Enter');
  await reach(page, '[data-testid="input-donors[3].name"]');
  await typeOver(page, 'Keyboard fund');
  await reach(page, '[data-testid="scenario-keep"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('scenario-keep').waitFor({ state: 'detached' });

  // Two scenarios, each saved from an edit of the baseline.
  await reach(page, '[data-testid="input-donors[0].fulfilment_pct"]');
  await typeOver(page, '60');
  await reach(page, '[data-testid="scenario-save"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('scenario-tab-0').waitFor();
  await reach(page, '[data-testid="scenario-tab-baseline"]');
  await page.keyboard.press('Enter');
  await reach(page, '[data-testid="input-macro.real_growth_pct"]');
  await typeOver(page, '3');
  await reach(page, '[data-testid="scenario-save"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('scenario-tab-1').waitFor();

  // The comparison: both ticked with the space bar.
  for (const k of [0, 1]) {
    await reach(page, `[data-testid="compare-${k}"]`);
    await page.keyboard.press('Space');
  }
  await page.getByTestId('compare').waitFor();
  const deltas = await page.getByTestId('compare-b-1').innerText();

  // The link, read where the share panel shows it once it has caught up.
  await settledLink(page);
  await reach(page, '[data-testid="share-url"]');
  const link = await page.evaluate(() => document.activeElement.value);
  const cards = await page.getByTestId('indicators').innerText();
  assert.deepEqual(problems, []);
  await context.close();

  // A fresh browser opens the same plan, compared the same way.
  const other = await newPage(env.browser);
  await openApp(other.page, link);
  await other.page.getByTestId('compare').waitFor();
  // It links to itself with the very same link.
  assert.equal(await settledLink(other.page), link);
  assert.equal(await other.page.getByTestId('compare-b-1').innerText(), deltas);
  assert.equal(await other.page.getByTestId('indicators').innerText(), cards);
  assert.equal(await other.page.getByTestId('input-donors[3].name').inputValue(), 'Keyboard fund');
  // The link shows the scenario last shown; the baseline keeps its own growth.
  assert.equal(await other.page.getByTestId('scenario-tab-1').getAttribute('aria-pressed'), 'true');
  assert.equal(await other.page.getByTestId('input-macro.real_growth_pct').inputValue(), '3');
  await other.page.getByTestId('scenario-tab-baseline').click();
  assert.equal(await other.page.getByTestId('input-macro.real_growth_pct').inputValue(), '5.5');
  assert.equal(await other.page.getByTestId('input-donors[1].fulfilment_pct').inputValue(), '80');
  assert.equal(await other.page.getByTestId('scenario-tab-0').innerText(), 'Scenario');
  assert.equal(await other.page.getByTestId('scenario-tab-1').innerText(), 'Scenario 2');
  assert.deepEqual(other.problems, []);
  await other.context.close();
});
