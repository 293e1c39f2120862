// The app by keyboard alone: a skip link first, the bridge chart read year
// by year with the arrows, and every dialog giving the focus back to the
// control that opened it.
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

test('leaving the presenter view gives the focus back to the Present button', async () => {
  const { page, problems, context } = await fresh();
  await page.getByTestId('present-button').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('presenter-scenario').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('results').waitFor();
  assert.equal(await focused(page), 'present-button');
  assert.deepEqual(problems, []);
  await context.close();
});
