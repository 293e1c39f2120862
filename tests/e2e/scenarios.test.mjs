// Scenarios as a person uses them: edits saved as scenarios, two compared
// (their delta cards and delta table checked against `sunset compare` on
// the plan the app exports), a baseline donor moved while a scenario keeps
// changing that same donor, and a link that opens with its scenario shown
// in a fresh browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  newPage, openApp, testText, moneyShort, evaluatePlan, comparePlan, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();

/** Types a number into a field's text box and commits it, as a person does. */
async function typeNumber(page, path, value) {
  const input = page.getByTestId(`input-${path}`);
  await input.scrollIntoViewIfNeeded();
  await input.fill(String(value));
  await input.dispatchEvent('change');
}

/** The plan the app exports as JSON. */
async function exportedPlan(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const chunks = [];
  for await (const c of await dl.createReadStream()) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** What ui/compare_words.rs says of a year-valued headline, in English. */
function yearDelta(pair, what) {
  const { a, b, difference: d } = pair;
  if (d === 0) return `${what} the same year`;
  if (d !== null) return `${what} ${Math.abs(d)} ${Math.abs(d) === 1 ? 'year' : 'years'} ${d > 0 ? 'later' : 'earlier'}`;
  if (a !== null) return `${what}: never (${a})`;
  if (b !== null) return `${what} ${b} (instead of never)`;
  return `${what}: never, on both`;
}

function moneyDelta(d, what) {
  return `${d > 0 ? '+' : ''}${moneyShort(d)} ${what}`;
}

test('two saved scenarios compare as `sunset compare` says', async () => {
  const { page, problems } = await newPage(env.browser);
  await openApp(page, env.url);
  // First scenario: Budget support pays 60 % of its pledge.
  await typeNumber(page, 'donors[0].fulfilment_pct', 60);
  await page.getByTestId('scenario-save').click();
  assert.equal(await page.getByTestId('scenario-tab-0').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('input-donors[0].fulfilment_pct').inputValue(), '60');
  // Back on the baseline the edit is gone (it lives in the scenario).
  await page.getByTestId('scenario-tab-baseline').click();
  assert.equal(await page.getByTestId('input-donors[0].fulfilment_pct').inputValue(), '90');
  // Second scenario: its taper ends in plan year 6, typed as the calendar
  // year (the default plan starts in 2026).
  await typeNumber(page, 'donors[0].taper.end', 2026 + 6);
  assert.match(await testText(page, 'scenario-pending'), /^1 /);
  await page.getByTestId('scenario-save').click();
  assert.equal(await testText(page, 'scenario-tab-1'), 'Scenario 2');

  await page.getByTestId('compare-0').check();
  await page.getByTestId('compare-1').check();
  await page.getByTestId('compare').waitFor();

  const plan = await exportedPlan(page);
  assert.deepEqual(plan.scenarios.map((s) => s.changes), [
    { 'donors[0].fulfilment_pct': 60 },
    { 'donors[0].taper.end': 6 },
  ]);
  const c = comparePlan(plan, 'Scenario', 'Scenario 2');
  const cards = {
    self_sufficiency_year: yearDelta(c.summary.self_sufficiency_year, 'self-sufficient'),
    donor_exit_year: yearDelta(c.summary.donor_exit_year, 'donors gone'),
    cumulative_gap: moneyDelta(c.summary.cumulative_gap, 'unfunded gap'),
    total_donor_funding: moneyDelta(c.summary.total_donor_funding, 'donor funding'),
  };
  for (const [key, text] of Object.entries(cards)) {
    assert.equal(await testText(page, `delta-1-${key}`), text, key);
  }
  assert.notEqual(c.summary.cumulative_gap, 0, 'the two scenarios should differ');

  // The assumptions that differ, in words.
  const start = plan.meta.start_year;
  const words = await testText(page, 'differences-1');
  assert.match(words, new RegExp(`Budget support taper ends ${start + 6} instead of ${start + 11}`));
  assert.match(words, /Budget support › share of pledge paid: 90\s%\sinstead of 60\s%/);

  // The delta table over a chosen window: three years, each B − A.
  await page.getByTestId('compare-from').selectOption(String(start + 3));
  await page.getByTestId('compare-to').selectOption(String(start + 5));
  const rows = page.getByTestId('compare-table').locator('tbody tr');
  assert.equal(await rows.count(), 3);
  for (let k = 0; k < 3; k += 1) {
    const cells = await rows.nth(k).locator('td').allInnerTexts();
    const y = c.years[3 + k];
    assert.deepEqual(cells, [y.local_revenue, y.need, y.donor_funding, y.unfunded_gap].map(moneyShort), `year ${y.year}`);
  }
  // Both bridges side by side, and one overlay of need and revenue.
  assert.equal(await page.locator('.compare-bridges [data-testid="bridge-chart"]').count(), 2);
  assert.equal(await page.getByTestId('compare-overlay').locator('svg g').count(), 2);
  await page.screenshot({ path: join(SHOTS, 'scenarios-compare.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('a baseline donor moved down is still the donor its scenario changes', async () => {
  const { page, problems } = await newPage(env.browser);
  await openApp(page, env.url);
  await typeNumber(page, 'donors[0].fulfilment_pct', 60);
  await page.getByTestId('scenario-save').click();
  await page.getByTestId('scenario-tab-baseline').click();
  await page.getByTestId('down-donors[0]').click();
  assert.equal(await page.getByTestId('input-donors[1].name').inputValue(), 'Budget support');

  await page.getByTestId('scenario-tab-0').click();
  // The change moved with Budget support; Health co-financing is untouched.
  assert.equal(await page.getByTestId('input-donors[1].fulfilment_pct').inputValue(), '60');
  await page.getByTestId('changed-donors[1].fulfilment_pct').waitFor();
  assert.equal(await page.getByTestId('changed-donors[0].fulfilment_pct').count(), 0);
  const plan = await exportedPlan(page);
  assert.deepEqual(plan.scenarios[0].changes, { 'donors[1].fulfilment_pct': 60 });
  // The results are the scenario's, as the evaluator computes them.
  const cli = evaluatePlan(plan, { scenario: 'Scenario' });
  assert.equal(await testText(page, 'card-cumulative-gap-value'), moneyShort(cli.summary.cumulative_gap));

  // Reset to the baseline's value: the mark goes.
  await page.getByTestId('reset-donors[1].fulfilment_pct').click();
  assert.equal(await page.getByTestId('input-donors[1].fulfilment_pct').inputValue(), '90');
  assert.equal(await page.getByTestId('changed-donors[1].fulfilment_pct').count(), 0);
  assert.match(await testText(page, 'scenario-changes'), /^0 /);
  assert.deepEqual(problems, []);
});

test('a link with a scenario shown opens on that scenario in a fresh browser', async () => {
  const a = await newPage(env.browser);
  await openApp(a.page, env.url);
  const before = await a.page.getByTestId('share-url').inputValue();
  await a.page.getByTestId('shock-0').click();
  assert.equal(await testText(a.page, 'scenario-tab-0'), 'Conflict relapse');
  // The share field and the address follow a moment after the change.
  await a.page.waitForFunction((old) => document.querySelector('[data-testid="share-url"]').value !== old
    && location.href !== old, before);
  const url = await a.page.getByTestId('share-url').inputValue();
  assert.match(url, /#plan=2\.[A-Za-z0-9_-]+$/);
  assert.notEqual(url, await a.page.evaluate(() => location.href), 'the share link carries the view');
  const shown = await testText(a.page, 'card-cumulative-gap-value');

  const b = await newPage(env.browser);
  await openApp(b.page, url);
  assert.equal(await b.page.getByTestId('scenario-tab-0').getAttribute('aria-pressed'), 'true');
  assert.equal(await testText(b.page, 'card-cumulative-gap-value'), shown);
  const plan = await exportedPlan(b.page);
  const cli = evaluatePlan(plan, { scenario: 'Conflict relapse' });
  assert.equal(shown, moneyShort(cli.summary.cumulative_gap));
  // The year table is the scenario's too: the baseline's differs.
  const table = await testText(b.page, 'year-table');
  await b.page.getByTestId('scenario-tab-baseline').click();
  await b.page.getByTestId('year-table').scrollIntoViewIfNeeded();
  await b.page.waitForFunction((t) => document.querySelector('[data-testid="year-table"]').innerText !== t, table);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
});

test('a pick or a name changed in a scenario is marked and resets to the baseline\'s', async () => {
  const { page, problems } = await newPage(env.browser);
  await openApp(page, env.url);
  await typeNumber(page, 'donors[0].fulfilment_pct', 60);
  await page.getByTestId('scenario-save').click();
  // A select: the currency Budget support pledges in.
  const currency = page.getByTestId('input-donors[0].currency');
  const before = await currency.inputValue();
  const other = before === 'USD' ? 'LCU' : 'USD';
  assert.equal(await page.getByTestId('changed-donors[0].currency').count(), 0);
  await currency.selectOption(other);
  await page.getByTestId('changed-donors[0].currency').waitFor();
  // A text: the first exit criterion's name (its section opens first).
  await page.getByTestId('toggle-section-reserve').click();
  const name = page.getByTestId('input-criteria[0].name');
  await name.scrollIntoViewIfNeeded();
  const baselineName = await name.inputValue();
  await name.fill('Renamed in the scenario');
  await name.dispatchEvent('change');
  await page.getByTestId('changed-criteria[0].name').waitFor();
  // Reset takes each back to the baseline's value and clears its mark.
  await page.getByTestId('reset-donors[0].currency').click();
  assert.equal(await currency.inputValue(), before);
  assert.equal(await page.getByTestId('changed-donors[0].currency').count(), 0);
  await page.getByTestId('reset-criteria[0].name').click();
  assert.equal(await name.inputValue(), baselineName);
  assert.equal(await page.getByTestId('changed-criteria[0].name').count(), 0);
  // The fulfilment change stays: only what was reset went back.
  assert.equal(await page.getByTestId('input-donors[0].fulfilment_pct').inputValue(), '60');
  assert.deepEqual(problems, []);
});
