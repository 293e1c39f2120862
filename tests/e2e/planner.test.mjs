// The planner as an analyst uses it: drag a macro slider and read headline
// cards that agree with the command-line evaluator on the same plan; add a
// donor and find it in chart and table; type an invalid value and keep the
// last valid picture; undo and redo; read a year's tooltip; switch currency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  newPage, openApp, mouseDrag, testText, evaluatePlan, defaultPlan, moneyShort, pctText, expectedYearTable, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { readYearTable, savedPlan } from './plan-io.mjs';

const env = useApp();

/** What the year cards show for a summary year (null: none in the plan). */
const yearText = (y) => (y === null ? /not within/i : new RegExp(`^${y}$`));

/** The headline cards, read off the page. */
async function cards(page) {
  const ids = ['self-sufficiency-year', 'donor-exit-year', 'cumulative-gap', 'cumulative-gap-npv', 'peak-gap', 'max-donor-drop'];
  const out = {};
  for (const id of ids) out[id] = (await testText(page, `card-${id}-value`)).trim();
  return out;
}

/** Asserts the cards show what the evaluator computes for `plan`. */
function assertCardsMatch(shown, plan) {
  const s = evaluatePlan(plan).summary;
  assert.match(shown['self-sufficiency-year'], yearText(s.self_sufficiency_year));
  assert.match(shown['donor-exit-year'], yearText(s.donor_exit_year));
  assert.equal(shown['cumulative-gap'], moneyShort(s.cumulative_gap));
  assert.equal(shown['cumulative-gap-npv'], moneyShort(s.cumulative_gap_npv));
  assert.equal(shown['peak-gap'], moneyShort(s.peak_gap));
  assert.equal(shown['max-donor-drop'], `${s.max_donor_drop_pct.toFixed(1)}\u00a0%`);
  return s;
}

async function fresh() {
  const ctx = await newPage(env.browser);
  await openApp(ctx.page, env.url);
  return ctx;
}

test('the default view shows the evaluator\'s results in English, then in French', async () => {
  const { page, problems, context } = await fresh();
  const result = evaluatePlan(defaultPlan());
  const s = result.summary;
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await testText(page, 'plan-name'), defaultPlan().meta.name);
  assertCardsMatch(await cards(page), defaultPlan());
  assert.equal((await page.locator('[data-testid="card-cumulative-gap"] .card-label').innerText()).trim(), 'Cumulative unfunded gap');
  assert.deepEqual(await readYearTable(page), expectedYearTable(result, 'en'));
  await page.screenshot({ path: join(SHOTS, 'default.png') });
  await page.screenshot({ path: join(SHOTS, 'default-full.png'), fullPage: true });

  await page.getByTestId('lang-fr').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-pressed'), 'true');
  assert.equal((await page.locator('[data-testid="card-cumulative-gap"] .card-label').innerText()).trim(), 'Déficit non financé cumulé');
  // The same figures, written the French way (1 234,5 ; Md for billions).
  const fr = await cards(page);
  assert.equal(fr['cumulative-gap'], moneyShort(s.cumulative_gap, 'fr'));
  assert.equal(fr['peak-gap'], moneyShort(s.peak_gap, 'fr'));
  assert.equal(fr['max-donor-drop'], pctText(s.max_donor_drop_pct, 'fr'));
  assert.deepEqual(await readYearTable(page), expectedYearTable(result, 'fr'));
  assert.match(await page.getByTestId('bridge-chart').innerText(), /Pont de financement/);
  await page.getByTestId('bridge-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'default-fr.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('dragging real growth redraws the cards to the evaluator\'s numbers; undo and redo', async () => {
  const { page, problems, context } = await fresh();
  const plan = defaultPlan();
  const before = await cards(page);
  assertCardsMatch(before, plan);

  const slider = page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  await mouseDrag(page, slider, 0.02);
  const growth = Number(await slider.inputValue());
  assert.ok(growth < plan.macro.real_growth_pct, `growth fell (now ${growth})`);
  const changed = structuredClone(plan);
  changed.macro.real_growth_pct = growth;
  const after = await cards(page);
  const s = assertCardsMatch(after, changed);
  assert.ok(s.cumulative_gap > 0, 'low growth opens an unfunded gap');
  assert.notDeepEqual(after, before);

  // The whole drag is one undo step.
  await page.getByTestId('undo').click();
  assert.deepEqual(await cards(page), before);
  assert.equal(Number(await slider.inputValue()), plan.macro.real_growth_pct);
  await page.getByTestId('redo').click();
  assert.deepEqual(await cards(page), after);
  // The keyboard does the same.
  await page.keyboard.press('Control+z');
  assert.deepEqual(await cards(page), before);
  await page.keyboard.press('Control+Shift+z');
  assert.deepEqual(await cards(page), after);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  assert.deepEqual(await cards(page), after);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing a number updates the plan as the evaluator would', async () => {
  const { page, problems, context } = await fresh();
  const input = page.getByTestId('input-macro.inflation_pct');
  await input.scrollIntoViewIfNeeded();
  await input.fill('15');
  await input.press('Enter');
  const plan = defaultPlan();
  plan.macro.inflation_pct = 15;
  assertCardsMatch(await cards(page), plan);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an added donor appears in the chart, the legend and the year table', async () => {
  const { page, problems, context } = await fresh();
  const plan = defaultPlan();
  const n = plan.donors.length;
  await page.getByTestId('add-donor').scrollIntoViewIfNeeded();
  await page.getByTestId('add-donor').click();
  const name = await page.getByTestId(`input-donors[${n}].name`).inputValue();
  assert.ok(name.length > 0);
  await page.getByTestId(`input-donors[${n}].base`).fill('2e10');
  await page.getByTestId(`input-donors[${n}].base`).press('Enter');
  // The saved plan holds the donor as typed; the evaluator's payments on
  // that plan are what the year table and the chart must show.
  await page.waitForFunction(([k, i]) => {
    try { return JSON.parse(localStorage.getItem(k)).plan.donors[i]?.base === 2e10; } catch { return false; }
  }, ['sunset-planner/current', n]);
  const saved = await savedPlan(page);
  assert.equal(saved.donors[n].name, name);
  const paid = evaluatePlan(saved).years.map((y) => y.donors[name]);
  assert.ok(paid[0] > 0 && paid.at(-1) === 0, `a tapering donor: ${paid}`);
  const table = await readYearTable(page);
  assert.deepEqual(table.rows[`donors.${name}`], paid.map((x) => moneyShort(x)));

  // Its band in the bridge is as tall, year by year, as what it pays:
  // the path runs along the top edge (two points a year), then back along
  // the bottom edge.
  const area = page.getByTestId(`bridge-area-donor-${n}`);
  assert.equal(await area.count(), 1);
  const points = (await area.getAttribute('d')).replace(/[MZ]/g, '').split('L').map((p) => p.split(',').map(Number));
  const years = paid.length;
  assert.equal(points.length, 4 * years, 'two points a year on each edge');
  const heights = paid.map((_, i) => points[4 * years - 1 - 2 * i][1] - points[2 * i][1]);
  const perUnit = heights[0] / paid[0];
  for (let i = 0; i < years; i++) {
    assert.ok(Math.abs(heights[i] - paid[i] * perUnit) <= 0.25, `year ${i}: ${heights[i]} px for ${paid[i]}`);
  }
  assert.ok(heights[0] > 5, `the band is visible (${heights[0]} px)`);
  assert.match(await page.locator('.chart-legend').innerText(), new RegExp(name));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an invalid value shows the model\'s message and the chart keeps the last valid plan', async () => {
  const { page, problems, context } = await fresh();
  const before = await cards(page);
  const chartBefore = await page.getByTestId('need-line').getAttribute('d');
  const input = page.getByTestId('input-macro.gdp_base');
  await input.scrollIntoViewIfNeeded();
  await input.fill('-5');
  await input.press('Enter');
  const error = page.getByTestId('error-macro.gdp_base');
  await error.waitFor();
  assert.match(await error.innerText(), /above 0|positive|greater than 0/i);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  const banner = page.getByTestId('problems-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /must be above 0 \(got -5\)/);
  assert.deepEqual(await cards(page), before, 'cards keep the last valid projection');
  assert.equal(await page.getByTestId('need-line').getAttribute('d'), chartBefore);
  assert.ok(await page.locator('.stale-badge').count() > 0, 'the results say they are the last valid plan');
  await page.screenshot({ path: join(SHOTS, 'invalid.png') });
  // Undo brings the valid plan back and clears the message.
  await page.getByTestId('undo').click();
  assert.equal(await page.getByTestId('error-macro.gdp_base').count(), 0);
  assert.equal(await page.locator('.stale-badge').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hovering a year shows its figures in the tooltip', async () => {
  const { page, problems, context } = await fresh();
  const p = evaluatePlan(defaultPlan());
  const chart = page.getByTestId('bridge-chart');
  await chart.scrollIntoViewIfNeeded();
  const need = page.getByTestId('need-line');
  const box = await need.boundingBox();
  const years = p.years.length;
  const i = 4; // the fifth year
  await page.mouse.move(box.x + (box.width * (i + 0.5)) / years, box.y + box.height / 2);
  const tip = page.getByTestId('tooltip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.innerText();
  assert.match(text, new RegExp(String(p.years[i].year)));
  assert.match(text, new RegExp(moneyShort(p.years[i].need).replace('.', '\\.')));
  assert.match(text, new RegExp(moneyShort(p.years[i].local_revenue).replace('.', '\\.')));
  await page.screenshot({ path: join(SHOTS, 'tooltip.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to USD converts at each year\'s projected rate', async () => {
  const { page, problems, context } = await fresh();
  const p = evaluatePlan(defaultPlan());
  const cell = (metric, i) => page.locator(`[data-testid="year-table"] tr[data-metric="${metric}"] td`).nth(i);
  const last = p.years.length - 1;
  await page.getByTestId('year-table').scrollIntoViewIfNeeded();
  assert.equal((await cell('need', last).textContent()).trim(), moneyShort(p.years[last].need));
  await page.getByTestId('currency-usd').click();
  for (const i of [0, last]) {
    const y = p.years[i];
    assert.equal((await cell('need', i).textContent()).trim(), moneyShort(y.need / y.fx));
    assert.equal((await cell('local_revenue', i).textContent()).trim(), moneyShort(y.local_revenue / y.fx));
  }
  assert.match(await page.getByTestId('bridge-chart').innerText(), /USD/);
  await page.getByTestId('currency-lcu').click();
  assert.equal((await cell('need', last).textContent()).trim(), moneyShort(p.years[last].need));
  assert.deepEqual(problems, []);
  await context.close();
});
