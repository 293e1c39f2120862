// The committed example links (tests/fixtures/links/*.link) open in the
// built app, each in a fresh browser, to what the command-line evaluator
// computes for the matching *.plan.json: the plan's name, every headline
// card and every cell of the year table. The host tests only decode these
// links; this is the app reading them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  newPage, openApp, testText, evaluatePlan, expectedYearTable, moneyShort, pctText, ROOT,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { fixtureFragment, readYearTable } from './plan-io.mjs';

const env = useApp();

const LINKS = join(ROOT, 'tests', 'fixtures', 'links');
const names = readdirSync(LINKS).filter((f) => f.endsWith('.link')).map((f) => f.slice(0, -'.link'.length)).sort();

/** The headline cards the page should show for an evaluator summary. */
function expectedCards(plan, s, years) {
  const year = (y) => (y === null ? 'not within the plan horizon' : String(y));
  // With nothing to cover, "self-sufficient from" would say nothing.
  const noNeed = years.every((y) => y.need === 0);
  const met = Object.values(s.criteria).filter((y) => y !== null).length;
  const count = Object.keys(s.criteria).length;
  let reengagement = 'not set';
  if (plan.reengagement) reengagement = s.reengagement_years.length ? s.reengagement_years.join(', ') : 'none';
  return {
    'self-sufficiency-year': noNeed ? 'no need to cover' : year(s.self_sufficiency_year),
    'donor-exit-year': year(s.donor_exit_year),
    'cumulative-gap': moneyShort(s.cumulative_gap),
    'cumulative-gap-npv': moneyShort(s.cumulative_gap_npv),
    'peak-gap': moneyShort(s.peak_gap),
    'max-donor-drop': pctText(s.max_donor_drop_pct),
    criteria: count ? `${met} / ${count} met` : 'none set',
    reengagement,
  };
}

test('there are example links to open', () => {
  assert.ok(names.length >= 4, `links: ${names.join(', ')}`);
  for (const name of names) {
    assert.ok(readdirSync(LINKS).includes(`${name}.plan.json`), `${name}.link has its plan`);
  }
});

for (const name of names) {
  test(`${name}.link opens in a fresh browser to the evaluator's results`, async () => {
    const plan = JSON.parse(readFileSync(join(LINKS, `${name}.plan.json`), 'utf8'));
    const result = evaluatePlan(plan);
    const { page, problems, context } = await newPage(env.browser);
    await openApp(page, env.url + fixtureFragment(`links/${name}.link`));

    assert.equal(await page.getByTestId('link-error').count(), 0, 'the link opens');
    assert.equal(await page.getByTestId('problems-banner').count(), 0, 'the plan is valid');
    if (plan.meta.name) {
      assert.equal(await testText(page, 'plan-name'), plan.meta.name);
    } else {
      assert.equal(await page.getByTestId('plan-name').count(), 0);
    }

    const cards = {};
    for (const id of Object.keys(expectedCards(plan, result.summary, result.years))) {
      cards[id] = (await testText(page, `card-${id}-value`)).trim();
    }
    assert.deepEqual(cards, expectedCards(plan, result.summary, result.years));

    const shown = await readYearTable(page);
    const expected = expectedYearTable(result);
    assert.deepEqual(shown.years, expected.years);
    assert.deepEqual(Object.keys(shown.rows).sort(), Object.keys(expected.rows).sort(), 'one row per figure and item');
    for (const [metric, cells] of Object.entries(expected.rows)) {
      assert.deepEqual(shown.rows[metric], cells, metric);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
