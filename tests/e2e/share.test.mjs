// A plan travels and is never lost: the link in the address and the share
// field opens the same plan elsewhere, a reload restores it, a link never
// overwrites a different local plan, two tabs never overwrite each other
// in silence, and the QR panel shows the link (or says it is too big).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  newPage, openApp, dragRange, testText, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import {
  readResults, planName, setPlanName, stored, waitSavedName, waitUrlFollows, fixtureFragment, loadFresh,
  KEY_CURRENT, KEY_PREVIOUS,
} from './plan-io.mjs';

const env = useApp();

/** Drags growth and types a name holding markup; returns the name. */
async function editPlan(page, name) {
  const slider = page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  await dragRange(slider, [3.1, 2.2, 1.4]);
  await setPlanName(page, name);
  return name;
}

test('an edited plan opens from its link in a fresh browser with the same cards and year table', async () => {
  const a = await newPage(env.browser);
  await openApp(a.page, env.url);
  const before = await readResults(a.page);
  const entries = await a.page.evaluate(() => history.length);
  const first = await a.page.evaluate(() => location.href);
  const name = await editPlan(a.page, 'Plan <b>B</b> <img src=x onerror="window.pwned=1">');
  const edited = await readResults(a.page);
  assert.notDeepEqual(edited, before, 'the edit should change the results');

  // The address bar follows the plan and equals the share field. Both
  // settle sooner after the last change than the autosave, so once the
  // save holds the new name they hold the edited plan.
  await waitSavedName(a.page, name);
  const url = await waitUrlFollows(a.page, first);
  assert.equal(await a.page.getByTestId('share-url').inputValue(), url);
  assert.match(url, /#plan=2\.[A-Za-z0-9_-]+$/);
  const length = await testText(a.page, 'share-length');
  assert.match(length, new RegExp(`^${url.length} characters$`));
  // Dragging replaced the entry, never pushed one per step.
  assert.equal(await a.page.evaluate(() => history.length), entries);

  const b = await newPage(env.browser);
  await openApp(b.page, url);
  assert.deepEqual(await readResults(b.page), edited);
  assert.equal(await planName(b.page), name);
  assert.equal(await b.page.getByTestId('plan-name').innerText(), name, 'markup in a name shows as text');
  assert.equal(await b.page.evaluate(() => window.pwned), undefined);
  assert.equal(await b.page.locator('.app img').count(), 0);
  await b.page.screenshot({ path: join(SHOTS, 'share-opened.png') });

  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
  await a.context.close();
  await b.context.close();
});

test('a reload, even without the link, restores the autosaved plan', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  const name = await editPlan(page, 'Kept overnight');
  await waitSavedName(page, name);
  const edited = await readResults(page);

  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]');
  assert.deepEqual(await readResults(page), edited);
  assert.equal(await planName(page), name);

  await loadFresh(page, env.url);
  assert.deepEqual(await readResults(page), edited);
  assert.equal(await planName(page), name);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link opened over a different local plan keeps it, and Restore brings it back', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  const name = await editPlan(page, 'My local plan');
  await waitSavedName(page, name);
  const mine = await readResults(page);
  const savedText = await stored(page);

  await loadFresh(page, env.url + fixtureFragment('links/minimal.link'));
  await page.getByTestId('restore-banner').waitFor();
  assert.notEqual(await planName(page), name);
  assert.equal(await stored(page, KEY_PREVIOUS), savedText, 'the local plan is kept, byte for byte');
  await page.screenshot({ path: join(SHOTS, 'restore-banner.png') });

  await page.getByTestId('restore-button').click();
  await page.getByTestId('restore-banner').waitFor({ state: 'detached' });
  assert.equal(await planName(page), name);
  assert.deepEqual(await readResults(page), mine);
  await waitSavedName(page, name);
  assert.equal(await stored(page, KEY_PREVIOUS), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Share copies the full link and shows its length; the QR panel shows it or says it is too big', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  await openApp(page, env.url);
  const url = await waitUrlFollows(page);
  assert.ok(url.length - env.url.length <= 1000, `default plan link is ${url.length} characters`);
  console.log(`default plan link: ${url.length} characters (fragment ${url.length - env.url.length})`);

  await page.getByTestId('share-button').click();
  await page.getByTestId('share-copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  assert.equal(await testText(page, 'share-length'), `${url.length} characters`);

  await page.getByTestId('qr-button').click();
  const svg = page.locator('[data-testid="qr-svg"] svg');
  await svg.waitFor();
  const box = await svg.boundingBox();
  assert.ok(box.width >= 500 && box.height >= 500, `QR code is ${box.width}×${box.height}`);
  await page.screenshot({ path: join(SHOTS, 'qr-panel.png') });
  // Focus is in the dialog: Escape closes it.
  await page.keyboard.press('Escape');
  await page.getByTestId('qr-panel').waitFor({ state: 'detached' });

  // A name no compressor can shrink makes the link too long for one code.
  const noise = Array.from({ length: 3200 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
  await setPlanName(page, noise);
  await page.getByTestId('qr-button').click();
  await page.getByTestId('qr-too-big').waitFor();
  assert.match(await testText(page, 'qr-too-big'), /too big for one QR code/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('another tab saving a different plan is never overwritten in silence', async () => {
  const { page: a, problems, context } = await newPage(env.browser);
  await openApp(a, env.url);
  const b = await context.newPage();
  b.on('console', (m) => { if (m.type() === 'error') problems.push(`console (b): ${m.text()}`); });
  b.on('pageerror', (e) => problems.push(`page error (b): ${e.message}`));
  await openApp(b, env.url);

  await setPlanName(b, 'Edited in tab B');
  await waitSavedName(b, 'Edited in tab B');
  await a.getByTestId('other-tab-banner').waitFor();
  // Tab A edits meanwhile: nothing is saved over B's plan until A chooses.
  await setPlanName(a, 'Edited in tab A');
  await a.waitForTimeout(800);
  assert.equal(JSON.parse(await stored(a, KEY_CURRENT)).plan.meta.name, 'Edited in tab B');
  await a.screenshot({ path: join(SHOTS, 'other-tab.png') });

  // Keep mine: A saves its plan now, and B is told in turn.
  await a.getByTestId('other-tab-keep').click();
  await waitSavedName(a, 'Edited in tab A');
  await b.getByTestId('other-tab-banner').waitFor();
  // Load theirs: B takes A's plan.
  await b.getByTestId('other-tab-load').click();
  await b.getByTestId('other-tab-banner').waitFor({ state: 'detached' });
  assert.equal(await planName(b), 'Edited in tab A');
  assert.deepEqual(await readResults(b), await readResults(a));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a change in another tab opens beside mine as a scenario; its notice covers no chart', async () => {
  const { page: a, problems, context } = await newPage(env.browser);
  await openApp(a, env.url);
  const b = await context.newPage();
  b.on('console', (m) => { if (m.type() === 'error') problems.push(`console (b): ${m.text()}`); });
  await openApp(b, env.url);
  await setPlanName(b, 'Edited in tab B');
  await waitSavedName(b, 'Edited in tab B');
  const banner = a.getByTestId('other-tab-banner');
  await banner.waitFor();
  // Its own row: nothing of the bridge chart or the cards lies under it.
  const [nb, chart, cards] = await Promise.all([banner, a.getByTestId('bridge-chart'), a.getByTestId('indicators')]
    .map((l) => l.evaluate((e) => e.getBoundingClientRect().toJSON())));
  for (const r of [chart, cards]) {
    assert.ok(nb.bottom <= r.top || nb.top >= r.bottom, 'the notice overlaps no result');
  }
  await a.getByTestId('other-tab-scenario').click();
  await banner.waitFor({ state: 'detached' });
  // Mine stays the baseline; theirs is a scenario beside it.
  assert.equal(await planName(a), 'Tamaru transition plan');
  await a.getByTestId('scenario-tab-0').click();
  assert.match(await a.getByTestId('scenario-tab-0').innerText(), /From another tab/);
  assert.equal(await a.getByTestId('input-meta.name').inputValue(), 'Edited in tab B');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link pasted into the address of an open page opens and offers the replaced plan back', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  await setPlanName(page, 'Open in the room');
  await waitSavedName(page, 'Open in the room');
  const mine = await readResults(page);

  await page.evaluate((f) => { location.hash = f; }, fixtureFragment('links/minimal.link'));
  await page.getByTestId('restore-banner').waitFor();
  assert.notEqual(await planName(page), 'Open in the room');
  assert.equal(JSON.parse(await stored(page, KEY_PREVIOUS)).plan.meta.name, 'Open in the room');

  // A damaged paste says so and changes nothing.
  const shown = await readResults(page);
  await page.evaluate((f) => { location.hash = f; }, fixtureFragment('hostile/truncated.link'));
  await page.getByTestId('link-error').waitFor();
  assert.deepEqual(await readResults(page), shown);

  await page.getByTestId('restore-button').click();
  assert.equal(await planName(page), 'Open in the room');
  assert.deepEqual(await readResults(page), mine);
  assert.deepEqual(problems, []);
  await context.close();
});
