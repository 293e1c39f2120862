// The entry traps new users fell into, each driven as a person meets it:
// a calendar year typed into a plan-year field, "850 bn" typed in French,
// a placeholder donor that funds the gap, a removed item a donor still
// co-finances, a CSV whose units are unsaid, and display choices lost on
// reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  newPage, openApp, evaluatePlan, defaultPlan, moneyShort, testText, fixedLikeRust, linkPayload,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { openSection, readYearTable, savedPlan } from './plan-io.mjs';

const env = useApp();

async function fresh() {
  const ctx = await newPage(env.browser);
  await openApp(ctx.page, env.url);
  return ctx;
}

/** Types `text` into the typed input of `path` and commits it (Enter). */
async function typeInto(page, path, text) {
  const input = page.getByTestId(`input-${path}`);
  await input.scrollIntoViewIfNeeded();
  await input.fill(text);
  await input.press('Enter');
  return input;
}

/** Waits until the saved plan satisfies `pred`; returns it. */
async function savedWhen(page, pred, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const plan = await savedPlan(page);
    if (plan && pred(plan)) return plan;
    if (Date.now() > deadline) assert.fail(`saved plan never showed ${what}: ${JSON.stringify(plan?.[what.split(/[.[ ]/)[0]])}`);
    await page.waitForTimeout(100);
  }
}

test('plan-year fields are calendar years: typed, shown and bounded as such', async () => {
  const { page, problems, context } = await fresh();
  await openSection(page, 'revenue');
  const path = 'revenues[0].reform.start';
  const input = await typeInto(page, path, '2029');
  // The file keeps the plan-year index (MODEL.md): 2029 is t = 3.
  await savedWhen(page, (p) => p.revenues[0].reform.start === 3, 'revenues[0].reform.start = 3');
  assert.equal(await input.inputValue(), '2029');
  const field = page.locator(`.number-field:has([data-testid="input-${path}"])`);
  assert.doesNotMatch(await field.innerText(), /4055|4052/);
  // The slider runs over the plan's calendar years.
  const range = page.getByTestId(`range-${path}`);
  assert.equal(await range.getAttribute('min'), '2026');
  assert.equal(await range.getAttribute('max'), '2040');

  // Before the start and past the horizon: refused at the control, with the years allowed.
  for (const bad of ['2025', '2041', '3']) {
    await typeInto(page, path, bad);
    const error = page.getByTestId(`error-${path}`);
    await error.waitFor();
    assert.match(await error.innerText(), /Enter a year from 2026 to 2040/);
    assert.equal((await savedPlan(page)).revenues[0].reform.start, 3, `${bad} never reaches the plan`);
  }
  await page.getByTestId('lang-fr').click();
  await page.waitForFunction((p) => /Entrez une année de 2026 à 2040/.test(document.querySelector(`[data-testid="error-${p}"]`)?.innerText ?? ''), path);

  // A donor's taper points are calendar years too.
  await openSection(page, 'donors');
  await typeInto(page, 'donors[0].taper.end', '2034');
  await savedWhen(page, (p) => p.donors[0].taper.end === 8, 'donors[0].taper.end = 8');
  assert.deepEqual(problems, []);
  await context.close();
});

test('magnitudes mean the same in French and in English, typed and shown', async () => {
  const { page, problems, context } = await fresh();
  await page.getByTestId('lang-fr').click();
  await openSection(page, 'macro');
  const path = 'macro.gdp_base';
  // A figure pasted from an English report: 860 bn is 860 × 10⁹ in French too
  // (the default plan's GDP is 850 bn, so each figure here is a change).
  for (const [typed, want] of [['860 bn', 860e9], ['900 milliards', 900e9], ['910 Md', 910e9], ['920 G', 920e9], ['1,2 T', 1.2e12], ['1,1 tn', 1.1e12]]) {
    await typeInto(page, path, typed);
    await savedWhen(page, (p) => p.macro.gdp_base === want, `macro.gdp_base = ${want} after "${typed}"`);
  }
  // "Bn" and "billion" are a trillion to a French reader and a billion to an
  // English one: refused, saying so.
  for (const typed of ['3 Bn', '2 billions']) {
    await typeInto(page, path, typed);
    const error = page.getByTestId(`error-${path}`);
    await error.waitFor();
    assert.match(await error.innerText(), /ambigu/i);
    assert.match(await error.innerText(), /Md/);
    assert.equal((await savedPlan(page)).macro.gdp_base, 1.1e12);
  }

  // The French year table writes a trillion so that no reader misreads it.
  const table = await readYearTable(page);
  const gdp = evaluatePlan((await savedPlan(page))).years.map((y) => y.gdp);
  assert.ok(gdp[0] >= 1e12);
  assert.deepEqual(table.rows.gdp, gdp.map((x) => moneyShort(x, 'fr')));
  assert.match(table.rows.gdp[0], /^\d[\d\u202f]* Md$/);
  assert.doesNotMatch(JSON.stringify(table.rows), /Bn/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new donor pledges nothing; removing what a donor co-finances asks first', async () => {
  const { page, problems, context } = await fresh();
  const before = await testText(page, 'card-cumulative-gap-value');
  await openSection(page, 'donors');
  const n = defaultPlan().donors.length;
  for (let i = 0; i < 3; i++) await page.getByTestId('add-donor').click();
  const plan = await savedWhen(page, (p) => p.donors.length === n + 3, 'donors.length');
  assert.deepEqual(plan.donors.slice(n).map((d) => d.base), [0, 0, 0]);
  assert.equal(await testText(page, 'card-cumulative-gap-value'), before, 'placeholder donors leave the gap as it was');

  // "Health" is co-financed by "Health co-financing".
  await openSection(page, 'spending');
  const health = defaultPlan().costs.findIndex((c) => c.name === 'Health');
  const remove = page.getByTestId(`remove-costs[${health}]`);
  await remove.click();
  const confirm = page.getByTestId(`confirm-remove-costs[${health}]`);
  await confirm.waitFor({ timeout: 3000 });
  const text = await confirm.innerText();
  assert.match(text, /Remove Health\?/);
  assert.match(text, /Health co-financing/);
  await page.getByTestId(`keep-costs[${health}]`).click();
  await confirm.waitFor({ state: 'detached' });
  assert.ok((await savedPlan(page)).costs.some((c) => c.name === 'Health'), 'kept');
  await remove.click();
  await page.getByTestId(`confirm-remove-costs[${health}]`).getByRole('button', { name: 'Remove' }).click();
  await savedWhen(page, (p) => !p.costs.some((c) => c.name === 'Health'), 'costs without Health');
  // An item nobody co-finances goes at once.
  await page.getByTestId('remove-costs[0]').click();
  await savedWhen(page, (p) => p.costs.length === defaultPlan().costs.length - 2, 'costs.length');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Clicks an export button and returns the download's bytes as text. */
async function downloadText(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync(await dl.path(), 'utf8');
}

test('the CSV year table says its units, follows the currency on screen and writes cents', async () => {
  const { page, problems, context } = await fresh();
  await page.getByTestId('currency-usd').click();
  const text = await downloadText(page, 'export-csv');
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  assert.equal(header[0], 'year');
  assert.equal(header[header.indexOf('gdp (USD)')], 'gdp (USD)');
  assert.ok(header.includes('need (USD)'), header.join(','));
  assert.ok(header.includes('fx (TMD per USD)'), header.join(','));
  assert.ok(header.includes('self_sufficiency_pct (%)'), header.join(','));
  assert.ok(header.includes('donors.Budget support (USD)'), header.join(','));
  const result = evaluatePlan(defaultPlan());
  const row = lines[1].split(',');
  const y0 = result.years[0];
  const col = (name) => row[header.indexOf(name)];
  assert.equal(Number(col('need (USD)')), Number(fixedLikeRust(y0.need / y0.fx, 2)));
  for (const line of lines.slice(1)) {
    line.split(',').forEach((cell, i) => {
      if (header[i].endsWith('(USD)')) assert.match(cell, /^-?\d+(\.\d{1,2})?$/, `${header[i]}: money to the cent: ${cell}`);
    });
  }
  // Back in local currency, the same columns say TMD.
  await page.getByTestId('currency-lcu').click();
  const local = (await downloadText(page, 'export-csv')).split(/\r?\n/);
  const lh = local[0].split(',');
  assert.equal(Number(local[1].split(',')[lh.indexOf('need (TMD)')]), Number(fixedLikeRust(y0.need, 2)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('language, currency and scale survive a reload; a broken stored value is ignored', async () => {
  const { page, problems, context } = await fresh();
  await page.getByTestId('lang-fr').click();
  await page.getByTestId('currency-usd').click();
  const share = page.locator('[data-testid="bridge-scale-toggle"] button').nth(1);
  await share.click();
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await page.getByTestId('currency-usd').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('[data-testid="bridge-scale-toggle"] button').nth(1).getAttribute('aria-pressed'), 'true');

  // A broken value under every key the page wrote beside the plan.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) {
      if (k.startsWith('sunset-planner/') && !/current|previous|unreadable/.test(k)) localStorage.setItem(k, '{"lang": 7, broken');
    }
  });
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByTestId('currency-lcu').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

// Honest headlines.

test('exit criteria all met beside an unfunded gap are not shown as an all-clear', async () => {
  const plan = defaultPlan();
  plan.criteria = plan.criteria.filter((c) => c.metric === 'donor_share_pct');
  plan.macro.real_growth_pct = 3;
  const result = evaluatePlan(plan);
  assert.ok(result.years.some((y) => y.unfunded_gap > 0), 'the plan leaves a gap');
  assert.ok(Object.values(result.summary.criteria).every((y) => y !== null), 'every criterion is met');
  const { page, problems } = await newPage(env.browser);
  await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
  assert.equal(await testText(page, 'card-criteria-value'), '1 / 1 met');
  assert.match(await page.getByTestId('card-criteria').getAttribute('class'), /\bwarn\b/);
  assert.match(await testText(page, 'criteria-gap-warning'), /unfunded gap/);
  assert.deepEqual(problems, []);
});

test('a plan with no need says so rather than "self-sufficient from" its first year', async () => {
  const plan = defaultPlan();
  plan.costs = [];
  plan.programmes = [];
  plan.donors = plan.donors.filter((d) => d.kind !== 'cofinancing');
  const result = evaluatePlan(plan);
  assert.ok(result.years.every((y) => y.need === 0));
  const { page, problems } = await newPage(env.browser);
  await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
  assert.equal(await testText(page, 'card-self-sufficiency-year-value'), 'no need to cover');
  assert.equal(await page.getByTestId('marker-self-sufficiency').count(), 0);
  assert.deepEqual(problems, []);
});

test('a name typed that another item already has is flagged at the field typed in', async () => {
  const { page, problems } = await fresh();
  const other = await page.getByTestId('input-donors[1].name').inputValue();
  const name = page.getByTestId('input-donors[0].name');
  await name.fill(other);
  await name.dispatchEvent('change');
  const error = page.getByTestId('error-donors[0].name');
  await error.waitFor();
  assert.match(await error.innerText(), /already used/);
  assert.equal(await page.getByTestId('error-donors[1].name').count(), 0);
  assert.deepEqual(problems, []);
});

test('a year outside the plan, from a file or a link, is flagged at its control', async () => {
  const plan = defaultPlan();
  plan.revenues[0].reform.start = 30; // plan year 30: 2056, past the horizon
  evaluatePlan(plan); // the model takes it: the reform starts after the plan
  const { page, problems } = await newPage(env.browser);
  await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
  const error = page.getByTestId('error-revenues[0].reform.start');
  await error.waitFor();
  assert.equal(await error.innerText(), '2056 is outside the plan. Enter a year from 2026 to 2040.');
  assert.equal(await page.getByTestId('input-revenues[0].reform.start').inputValue(), '2056');
  assert.deepEqual(problems, []);
});
