// Notes and sources as a person uses them: a source typed beside an item
// shows on the year table's header, leaves the list of figures without a
// source, is saved and travels in the link; the list's links lead to the
// note fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, openApp } from './lib.mjs';
import { useApp } from './suite.mjs';
import { savedPlan } from './plan-io.mjs';

const env = useApp();
const SOURCE = 'Pledge letter of 12 March 2026, annex 2';

test('a source typed beside a donor shows in the year table and travels in the link', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  const unsourced = page.getByTestId('unsourced');
  assert.match(await unsourced.innerText(), /Budget support/);

  const before = await page.getByTestId('share-url').inputValue();
  const note = page.getByTestId('input-donors[0].note');
  await note.scrollIntoViewIfNeeded();
  await note.fill(SOURCE);
  await note.dispatchEvent('change');
  await page.waitForFunction(() => !document.querySelector('[data-testid="unsourced"]').innerText.includes('Budget support'));
  assert.match(await unsourced.innerText(), /Health co-financing/, 'the others still lack one');

  // On hover of the donor's row header in the year table.
  const header = page.locator('[data-testid="year-table"] tr[data-metric="donors.Budget support"] th');
  assert.equal(await header.getAttribute('title'), `Budget support — ${SOURCE}`);

  // Saved, and carried by the share link into a fresh browser.
  await page.waitForFunction((s) => {
    try { return JSON.parse(localStorage.getItem('sunset-planner/current')).plan.donors[0].note === s; } catch { return false; }
  }, SOURCE);
  assert.equal((await savedPlan(page)).donors[0].note, SOURCE);
  await page.waitForFunction((b) => document.querySelector('[data-testid="share-url"]').value !== b, before);
  const link = await page.getByTestId('share-url').inputValue();
  const b = await newPage(env.browser);
  await openApp(b.page, link);
  assert.equal(await b.page.getByTestId('input-donors[0].note').inputValue(), SOURCE);
  assert.deepEqual(b.problems, []);
  await b.context.close();

  // A name in the list leads to its note field, opening its section.
  await unsourced.getByRole('link', { name: 'Health', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'input-costs[2].note');
  assert.deepEqual(problems, []);
  await context.close();
});
