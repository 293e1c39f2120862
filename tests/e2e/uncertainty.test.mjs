// The range of outcomes in the browser: the Monte Carlo run in Web
// Workers gives, to the bit, what the command line's `sunset simulate`
// gives for the same plan and seed; a dragged slider is followed by
// 1,000-path previews and the release by the plan's full run, never by a
// run of another plan; the goal-seek cards agree with `sunset seek` and
// apply their answer to the plan (undoably) or keep it as a scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPage, openApp, linkPayload, ROOT, SHOTS } from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();
const BIN = process.env.SUNSET_BIN ?? join(ROOT, 'target', 'host', 'release', 'sunset');
const scratch = mkdtempSync(join(tmpdir(), 'sunset-fan-'));

/** Runs the command-line evaluator on a plan object; returns its JSON. */
function cli(plan, ...args) {
  const file = join(scratch, 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return JSON.parse(execFileSync(BIN, [args[0], file, ...args.slice(1)]).toString());
}

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return JSON.parse(readFileSync(await dl.path(), 'utf8'));
}

/** Waits for the fan of the plan on screen with `paths` paths; returns its data. */
async function fanOf(page, paths, after = 0) {
  await page.waitForFunction(([paths, after]) => {
    const f = document.querySelector('[data-testid="fan"]');
    return f && f.dataset.current === 'true' && f.dataset.paths === String(paths) && Number(f.dataset.generation) > after;
  }, [paths, after], { timeout: 60000 });
  return page.getByTestId('fan').evaluate((f) => ({
    generation: Number(f.dataset.generation),
    median: f.querySelector('[data-testid="fan-median"]').getAttribute('d'),
  }));
}

/** A fresh page with the Monte Carlo run switched on from the results. */
async function withFan() {
  const session = await newPage(env.browser);
  await openApp(session.page, env.url);
  await session.page.getByTestId('fan-switch-on').click();
  await fanOf(session.page, 10000);
  return session;
}

test('the exported run equals `sunset simulate` for the same plan and seed', async () => {
  const { page, problems, context } = await withFan();
  // A seed and spreads typed in the uncertainty section. Each change is
  // awaited by its run's generation: the run of the plan before a change
  // stays current until the results have heard of the change.
  const g0 = (await fanOf(page, 10000)).generation;
  const seed = page.getByTestId('input-uncertainty.seed');
  await seed.fill('7');
  await seed.press('Enter');
  const g1 = (await fanOf(page, 10000, g0)).generation;
  await page.getByTestId('spreads-fragile').click();
  const fan = await fanOf(page, 10000, g1);
  const run = await download(page, 'export-uncertainty');
  const plan = await download(page, 'export-json');
  assert.equal(plan.uncertainty.seed, 7);
  assert.equal(plan.uncertainty.revenue_error_pct, 15);
  assert.equal(run.paths, 10000);
  assert.deepEqual(run, cli(plan, 'simulate'));
  // The cards read the same run.
  const share = (x) => `${(x * 100).toFixed(1)} %`;
  assert.equal((await page.getByTestId('p-gap-value').innerText()).replace(/\s/g, ' '), share(run.p_unfunded_gap).replace(/\s/g, ' '));
  const last = String(plan.meta.start_year + plan.meta.horizon_years - 1);
  assert.equal((await page.getByTestId('p-self-sufficient-value').innerText()).replace(/\s/g, ' '),
    share(run.p_self_sufficient_by[last]).replace(/\s/g, ' '));
  assert.ok(fan.median.startsWith('M'));
  await page.screenshot({ path: join(SHOTS, 'fan.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dragged slider is followed by previews and the release by the full run of the plan on screen', async () => {
  const { page, problems, context } = await withFan();
  // Self-sufficiency moves with growth in every year (the default plan's
  // median gap is 0 throughout).
  await page.getByTestId('fan-metric').selectOption('self_sufficiency_pct');
  const slider = page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  const start = await fanOf(page, 10000);
  // Whether the fan was greyed as out of date, from now on.
  const watchGrey = () => page.evaluate(() => {
    window.greyed = false;
    new MutationObserver(() => {
      window.greyed ||= document.querySelector('[data-testid="fan"].updating') !== null;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await watchGrey();
  const medians = [];
  let after = start.generation;
  for (const v of [1.0, 2.5, 6.0]) {
    await slider.evaluate((el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, v);
    // While the drag goes on, the fan shows 1,000-path previews.
    const preview = await fanOf(page, 1000, after);
    after = preview.generation;
    medians.push(preview.median);
  }
  assert.equal(new Set(medians).size, 3, 'each position draws its own fan');
  // A preview is labelled as one, and never greyed between steps: on a
  // projector that flickers.
  assert.equal(await page.evaluate(() => window.greyed), false);
  assert.match(await page.locator('[data-testid="uncertainty-results"] .fan-status').textContent(), /^Preview while you drag: 1,000 paths/);
  await watchGrey();
  await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  const final = await fanOf(page, 10000, after);
  // The full run greys the last preview until it is drawn.
  assert.equal(await page.evaluate(() => window.greyed), true);
  assert.match(await page.locator('[data-testid="uncertainty-results"] .fan-status').textContent(), /^Monte Carlo run: 10,000 paths/);
  assert.notEqual(final.median, start.median);
  // The fan and its export are those of the plan on screen, at the slider's last value.
  const plan = await download(page, 'export-json');
  assert.equal(plan.macro.real_growth_pct, 6);
  assert.deepEqual(await download(page, 'export-uncertainty'), cli(plan, 'simulate'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('what it would take: the answers agree with `sunset seek`, apply undoably and save as scenarios', async () => {
  const session = await newPage(env.browser);
  const { page, problems, context } = session;
  await openApp(page, env.url);
  const card = page.getByTestId('seek-pledge');
  await page.getByTestId('seek-pledge-item').selectOption('Sunset facility');
  await page.waitForFunction(() => document.querySelector('[data-testid="seek-pledge"]').dataset.value !== undefined
    && document.querySelector('[data-testid="seek-pledge-answer"]').textContent.includes('Sunset facility'), null, { timeout: 60000 });
  const plan = await download(page, 'export-json');
  const last = plan.meta.start_year + plan.meta.horizon_years - 1;
  const pledge = cli(plan, 'seek', 'pledge', '--item', 'Sunset facility');
  assert.equal(Number(await card.getAttribute('data-value')), pledge.value);
  await page.waitForFunction(() => document.querySelector('[data-testid="seek-reform"]').dataset.value !== undefined, null, { timeout: 60000 });
  const reform = cli(plan, 'seek', 'reform', '--item', plan.revenues[0].name, '--by', String(last));
  assert.equal(Number(await page.getByTestId('seek-reform').getAttribute('data-value')), reform.value);
  // Shares read as exact as they are ("100 %", not "100.00 %"), the sign
  // kept on the figure's line.
  await page.waitForFunction(() => document.querySelector('[data-testid="seek-coverage"]').dataset.value !== undefined, null, { timeout: 60000 });
  const coverage = cli(plan, 'seek', 'coverage', '--item', 'Child grant');
  assert.ok(await page.getByTestId('seek-coverage-answer').textContent()
    .then((t) => t.includes(`can reach ${Number(coverage.value.toFixed(2))}\u00a0% coverage`)), `coverage ${coverage.value}`);

  // Apply the reform answer: the plan takes it; undo gives the plan back.
  await page.getByTestId('seek-reform-apply').click();
  const applied = await download(page, 'export-json');
  assert.equal(applied.revenues[0].reform.gain_pct_gdp_per_year, reform.value);
  await page.getByTestId('undo').click();
  assert.deepEqual(await download(page, 'export-json'), plan);

  // Keep the pledge answer as a scenario: the baseline stays, the scenario holds the change.
  await page.getByTestId('seek-pledge-save').click();
  const saved = await download(page, 'export-json');
  assert.equal(saved.scenarios.length, 1);
  assert.match(saved.scenarios[0].name, /Sunset facility/);
  assert.deepEqual(saved.donors, plan.donors);
  const i = plan.donors.findIndex((d) => d.name === 'Sunset facility');
  assert.deepEqual(saved.scenarios[0].changes, { [`donors[${i}].base`]: pledge.value });
  assert.deepEqual(problems, []);
  await context.close();
});

test('each compared scenario gets its own fan', async () => {
  // MODEL.md's example: a Monte Carlo run (2,000 paths) and two scenarios.
  const plan = JSON.parse(readFileSync(join(ROOT, 'plans', 'example-v2.json'), 'utf8'));
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
  await page.getByTestId('compare-baseline').check();
  await page.getByTestId('compare-0').check();
  const fans = page.getByTestId('compare-fan');
  await page.waitForFunction(() => {
    const f = [...document.querySelectorAll('[data-testid="compare-fan"] [data-testid="fan"]')];
    return f.length === 2 && f.every((x) => x.dataset.current === 'true' && x.dataset.paths === '2000');
  }, null, { timeout: 60000 });
  assert.equal(await fans.count(), 2);
  // Two plans, two fans: the faster taper's differs from the baseline's.
  const medians = await fans.evaluateAll((fs) => fs.map((f) => f.querySelector('[data-testid="fan-median"]').getAttribute('d')));
  assert.notEqual(medians[0], medians[1]);
  // A scenario on screen has its fan too (it shares the plan's settings).
  await page.getByTestId('scenario-tab-0').click();
  await page.waitForFunction(() => {
    const f = document.querySelector('[data-testid="uncertainty-results"] [data-testid="fan"]');
    return f && f.dataset.current === 'true';
  }, null, { timeout: 60000 });
  assert.equal(await page.getByTestId('fan-off').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
