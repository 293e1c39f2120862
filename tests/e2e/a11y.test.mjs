// Accessibility as axe-core checks it (WCAG 2.x A and AA rules and its
// best practices), on every view a person meets: the default plan, in
// French, two scenarios compared, the presenter view and a phone. Each
// view is checked once its extras are drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { newPage, openApp, linkPayload, defaultPlan } from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();

/** axe's violations, one line each: rule, impact, what it says, where. */
async function violations(page) {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

/** A plan with two scenarios, for the comparison. */
function twoScenarios() {
  const plan = defaultPlan();
  plan.version = 2; // notes, scenarios and the run came with version 2
  plan.scenarios = [
    { name: 'Slow pledges', changes: { 'donors[0].fulfilment_pct': 60 } },
    { name: 'Early exit', changes: { 'donors[0].taper.end': 6 } },
  ];
  return plan;
}

async function check(view, open) {
  const { page, problems, context } = await open();
  const found = await violations(page);
  assert.deepEqual(found, [], `${view}: ${found.length} violations`);
  assert.deepEqual(problems, []);
  await context.close();
}

test('the default view has no axe violations', () => check('default', async () => {
  const r = await newPage(env.browser);
  await openApp(r.page, env.url);
  return r;
}));

test('the French view has no axe violations', () => check('French', async () => {
  const r = await newPage(env.browser);
  await openApp(r.page, env.url);
  await r.page.getByTestId('lang-fr').click();
  await r.page.waitForFunction(() => document.documentElement.lang === 'fr');
  return r;
}));

test('two scenarios compared have no axe violations', () => check('comparison', async () => {
  const r = await newPage(env.browser);
  await openApp(r.page, `${env.url}#plan=${linkPayload(twoScenarios())}`);
  await r.page.getByTestId('compare-0').check();
  await r.page.getByTestId('compare-1').check();
  await r.page.getByTestId('compare').waitFor();
  return r;
}));

test('the presenter view has no axe violations', () => check('presenter', async () => {
  const r = await newPage(env.browser);
  await openApp(r.page, env.url);
  await r.page.getByTestId('present-button').click();
  await r.page.getByTestId('presenter-scenario').waitFor();
  return r;
}));

test('a phone (390 × 844) has no axe violations', () => check('mobile', async () => {
  const r = await newPage(env.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await openApp(r.page, env.url);
  return r;
}));

// As a phone first shows it: the editor, below the results, is drawn only
// as the reader scrolls toward it (src/ui/app.rs), so the results' own
// headings must stand in order without it.
test('a phone, before the reader scrolls, has no axe violations', () => check('mobile at load', async () => {
  const r = await newPage(env.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await r.page.goto(env.url);
  await r.page.waitForSelector('.app[data-testid="app-ready"][data-waiting]');
  // The extras wait for the reader too (src/ui/island.rs): none is drawn.
  assert.equal(await r.page.locator('[data-island] > *').count(), 0);
  return r;
}));
