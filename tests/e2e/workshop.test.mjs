// Workshop mode as a facilitator runs it: the presenter view on a
// projector's screen (every text 18 px or more, nothing overflowing),
// driven by the keyboard; an audience window that follows the
// facilitator's window; a room summary of the links 30 participants send
// back, figure for figure what the command-line evaluator computes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, openApp, evaluatePlan, dragRange, moneyShort, linkPayload, ROOT, SHOTS } from './lib.mjs';
import { useApp } from './suite.mjs';
import { savedPlan } from './plan-io.mjs';

const env = useApp();
const NEVER = 'not within the plan horizon';

function examplePlan() {
  return JSON.parse(readFileSync(join(ROOT, 'plans', 'example-v2.json'), 'utf8'));
}

const yearText = (y) => (y == null ? NEVER : String(y));
const pctText = (x) => `${x.toFixed(1).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}\u00a0%`;
const gapOf = (result) => result.years.reduce((s, y) => s + y.unfunded_gap, 0);

/** The four headline cards the presenter view shows, as the evaluator has them. */
function expectedCards(result) {
  return {
    ss: yearText(result.summary.self_sufficiency_year),
    exit: yearText(result.summary.donor_exit_year),
    gap: moneyShort(gapOf(result)),
  };
}

async function presenterCards(page) {
  const v = (id) => page.getByTestId(`${id}-value`).innerText();
  return { ss: await v('card-self-sufficiency-year'), exit: await v('card-donor-exit-year'), gap: await v('card-cumulative-gap') };
}

/**
 * What would not read at the back of a room: any text under 18 px, any
 * text outside the screen, any box whose content is clipped.
 */
function illegible(page) {
  return page.evaluate(() => {
    const bad = [];
    const root = document.querySelector('[data-testid="presenter"]');
    const W = window.innerWidth;
    const H = window.innerHeight;
    if (document.documentElement.scrollWidth > W || document.documentElement.scrollHeight > H) {
      bad.push(`page scrolls: ${document.documentElement.scrollWidth}×${document.documentElement.scrollHeight}`);
    }
    for (const el of root.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      if (text && parseFloat(style.fontSize) < 18) bad.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${style.fontSize}`);
      if (text && (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1)) {
        bad.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" off screen ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
      if (el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0 && style.overflowY !== 'visible' && !(el instanceof SVGElement)) {
        bad.push(`${el.tagName}.${el.className} clips its content (${el.scrollHeight} > ${el.clientHeight})`);
      }
    }
    return bad;
  });
}

async function openExample(browser, viewport) {
  const plan = examplePlan();
  const a = await newPage(browser, { viewport });
  await openApp(a.page, `${env.url}#plan=${linkPayload(plan)}`);
  return { ...a, plan, result: evaluatePlan(plan) };
}

test('the presenter view at 1280×720 reads from the back of the room and follows the keys', async () => {
  const { page, problems, context, result } = await openExample(env.browser, { width: 1280, height: 720 });
  await page.getByTestId('present-button').click();
  const title = page.getByTestId('presenter-scenario');
  assert.equal(await title.innerText(), 'Baseline');
  assert.equal(await page.getByTestId('results').count(), 0, 'the editor and results make way');
  assert.deepEqual(await presenterCards(page), expectedCards(result));
  await page.getByTestId('bridge-chart').waitFor();
  assert.deepEqual(await illegible(page), []);
  await page.screenshot({ path: join(SHOTS, 'presenter-1280.png') });

  // → and the digits walk the scenarios; the figures are the scenario's.
  await page.keyboard.press('ArrowRight');
  assert.equal(await title.innerText(), 'Faster taper');
  const faster = result.scenarios.find((s) => s.name === 'Faster taper');
  assert.deepEqual(await presenterCards(page), expectedCards(faster));
  assert.notDeepEqual(expectedCards(faster), expectedCards(result), 'the scenario changes what the room reads');
  await page.keyboard.press('3');
  assert.equal(await title.innerText(), 'Relapse');
  assert.deepEqual(await presenterCards(page), expectedCards(result.scenarios.find((s) => s.name === 'Relapse')));
  assert.deepEqual(await illegible(page), []);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await title.innerText(), 'Baseline');

  // C compares with the baseline (from the baseline: the first scenario).
  await page.keyboard.press('c');
  const table = page.getByTestId('presenter-compare');
  assert.equal(await table.locator('thead th').allInnerTexts().then((t) => t.join('|')), 'Baseline|Faster taper');
  assert.equal(await table.getByTestId('compare-self-sufficiency').locator('td').allInnerTexts().then((t) => t.join('|')),
    `${yearText(result.summary.self_sufficiency_year)}|${yearText(faster.summary.self_sufficiency_year)}`);
  assert.equal(await table.getByTestId('compare-gap').locator('td').allInnerTexts().then((t) => t.join('|')),
    `${moneyShort(gapOf(result))}|${moneyShort(gapOf(faster))}`);
  assert.deepEqual(await illegible(page), []);
  await page.getByRole('button', { name: 'Compare with the baseline' }).click();
  assert.equal(await table.count(), 0);

  // P veils the results until Space; the veil survives a move.
  await page.keyboard.press('p');
  await page.getByTestId('presenter-veil').waitFor();
  assert.equal(await page.getByTestId('indicators').count(), 0);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByTestId('indicators').count(), 0, 'no peeking on the next scenario');
  assert.deepEqual(await illegible(page), []);
  await page.keyboard.press(' ');
  const relapse = result.scenarios.find((s) => s.name === 'Relapse');
  assert.equal(await title.innerText(), 'Relapse');
  assert.deepEqual(await presenterCards(page), expectedCards(relapse));

  // Q shows the QR code of what is on screen; Escape closes it, then leaves.
  await page.keyboard.press('q');
  await page.getByTestId('qr-svg').waitFor();
  assert.deepEqual(await illegible(page), []);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('qr-panel').count(), 0);
  assert.equal(await title.innerText(), 'Relapse');

  // The same view on a full-HD projector.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(200);
  assert.deepEqual(await illegible(page), []);
  await page.screenshot({ path: join(SHOTS, 'presenter-1920.png') });

  // Every key has its button.
  for (const name of ['Previous scenario', 'Next scenario', 'Compare with the baseline', 'Predict, then reveal',
    'Reveal the results', 'QR code of what is on screen', 'Leave the presenter view', '1: Baseline', '3: Relapse']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  await page.getByRole('button', { name: '1: Baseline' }).click();
  assert.equal(await title.innerText(), 'Baseline');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('presenter').count(), 0);
  await page.getByTestId('results').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a pinned slider stays at hand in the presenter view and moves the figures', async () => {
  const { page, problems, context } = await openExample(env.browser, { width: 1280, height: 720 });
  await page.getByTestId('pin-macro.real_growth_pct').click();
  await page.getByTestId('present-button').click();
  const pinned = page.getByTestId('presenter-pins').getByTestId('range-macro.real_growth_pct');
  await dragRange(pinned, [1.5, 0.5]);
  await page.waitForFunction(() => document.querySelector('[data-testid="presenter"]'));
  const saved = await page.waitForFunction(() => {
    try { return JSON.parse(localStorage.getItem('sunset-planner/current')).plan.macro.real_growth_pct === 0.5; } catch { return false; }
  });
  assert.ok(saved);
  const edited = evaluatePlan(await savedPlan(page));
  assert.deepEqual(await presenterCards(page), expectedCards(edited));
  assert.deepEqual(await illegible(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the audience window follows the facilitator window, plan and view', async () => {
  const a = await openExample(env.browser, { width: 1280, height: 720 });
  const [audience] = await Promise.all([
    a.context.waitForEvent('page'),
    a.page.getByTestId('audience-button').click(),
  ]);
  const problemsB = [];
  audience.on('console', (m) => { if (m.type() === 'error') problemsB.push(`console: ${m.text()}`); });
  audience.on('pageerror', (e) => problemsB.push(`page error: ${e.message}`));
  await audience.waitForSelector('[data-testid="presenter"]', { timeout: 30000 });
  const title = audience.getByTestId('presenter-scenario');
  assert.equal(await title.innerText(), 'Baseline');
  assert.deepEqual(await presenterCards(audience), expectedCards(a.result));
  assert.equal(await audience.getByRole('button', { name: 'Next scenario' }).count(), 0, 'the audience gets no controls');

  // The facilitator's keys, in the normal view, drive the audience window.
  await a.page.locator('body').press('ArrowRight');
  await audience.waitForFunction(() => document.querySelector('[data-testid="presenter-scenario"]').textContent === 'Faster taper');
  const faster = a.result.scenarios.find((s) => s.name === 'Faster taper');
  assert.deepEqual(await presenterCards(audience), expectedCards(faster));

  // A plan edit reaches it too: the scenario's figures of the edited plan.
  const slider = a.page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  await dragRange(slider, [2.5, 1.0]);
  // (With "Faster taper" on screen, the edit is that scenario's change.)
  await a.page.waitForFunction(() => {
    try {
      const plan = JSON.parse(localStorage.getItem('sunset-planner/current')).plan;
      return plan.scenarios.find((s) => s.name === 'Faster taper').changes['macro.real_growth_pct'] === 1;
    } catch { return false; }
  });
  const edited = evaluatePlan(await savedPlan(a.page)).scenarios.find((s) => s.name === 'Faster taper');
  await audience.waitForFunction((gap) => document.querySelector('[data-testid="card-cumulative-gap-value"]')?.textContent === gap,
    moneyShort(gapOf(edited)));
  assert.deepEqual(await presenterCards(audience), expectedCards(edited));

  // Predict, then reveal, from the facilitator's buttons.
  await a.page.getByRole('button', { name: 'Predict, then reveal' }).click();
  await audience.getByTestId('presenter-veil').waitFor();
  await a.page.getByRole('button', { name: 'Reveal the results' }).click();
  await audience.getByTestId('indicators').waitFor();
  await a.page.getByRole('button', { name: 'Compare with the baseline' }).click();
  await audience.getByTestId('presenter-compare').waitFor();
  assert.deepEqual(await illegible(audience), []);
  await audience.screenshot({ path: join(SHOTS, 'audience-compare.png') });

  // A reloaded audience window asks for, and gets, the current screen.
  await audience.reload();
  await audience.getByTestId('presenter-compare').waitFor({ timeout: 30000 });
  assert.equal(await title.innerText(), 'Faster taper');
  assert.deepEqual(a.problems, []);
  assert.deepEqual(problemsB, []);
  await a.context.close();
});

test('a room summary of 30 links matches each participant\'s own evaluation', async () => {
  const base = examplePlan();
  const plans = Array.from({ length: 30 }, (_, i) => {
    const p = structuredClone(base);
    p.scenarios = [];
    p.meta.name = `P${String(i + 1).padStart(2, '0')}`;
    p.macro.real_growth_pct = 2 + (i % 7) * 0.75;
    p.revenues[0].reform.gain_pct_gdp_per_year = 0.2 + (i % 5) * 0.3;
    p.donors[0].taper.end = 5 + (i % 6);
    return p;
  });
  const results = plans.map(evaluatePlan);
  const links = plans.map((p) => `${env.url}#plan=${linkPayload(p)}`);

  const { page, problems, context } = await newPage(env.browser, { viewport: { width: 1400, height: 900 } });
  await openApp(page, env.url);
  await page.getByTestId('room-button').click();
  // Pasted as an e-mail might bring them: one per line, some cut in two.
  const pasted = links.map((l, i) => (i % 4 === 0 ? `${l.slice(0, 60)}\n${l.slice(60)}` : l)).join('\n');
  await page.getByTestId('room-links').fill(pasted);
  await page.getByTestId('room-add').click();
  assert.equal(await page.getByTestId('room-count').innerText(), '30 participants');
  assert.equal(await page.getByTestId('room-errors').count(), 0);

  const head = await page.getByTestId('room-table').locator('thead th').allInnerTexts();
  const col = (name) => head.indexOf(name);
  assert.deepEqual(head.slice(0, 4), ['Participant', 'macro.real_growth_pct', 'Taxes on goods and services › reform.gain_pct_gdp_per_year', 'Budget support › taper.end']);
  const rows = page.getByTestId('room-row');
  assert.equal(await rows.count(), 30);
  for (let i = 0; i < 30; i++) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    const r = results[i];
    assert.equal(cells[0], plans[i].meta.name);
    assert.equal(cells[col('Self-sufficient from')], yearText(r.summary.self_sufficiency_year), `row ${i}`);
    assert.equal(cells[col('Donor exit')], yearText(r.summary.donor_exit_year), `row ${i}`);
    assert.equal(cells[col('Cumulative unfunded gap')], gapOf(r) === 0 ? '0' : moneyShort(gapOf(r)), `row ${i}`);
    assert.equal(cells[col('Self-sufficiency, last year')], pctText(r.years.at(-1).self_sufficiency_pct), `row ${i}`);
    assert.equal(Number(cells[col('Budget support › taper.end')]), plans[i].donors[0].taper.end);
  }

  // Minimum, median (the lower middle of 30) and maximum of every column,
  // never counting as later than any year.
  const num = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
  const columns = [
    ['macro.real_growth_pct', plans.map((p) => p.macro.real_growth_pct), num],
    ['Taxes on goods and services › reform.gain_pct_gdp_per_year', plans.map((p) => p.revenues[0].reform.gain_pct_gdp_per_year), num],
    ['Budget support › taper.end', plans.map((p) => p.donors[0].taper.end), num],
    ['Self-sufficient from', results.map((r) => r.summary.self_sufficiency_year ?? Infinity), (y) => (y === Infinity ? NEVER : String(y))],
    ['Donor exit', results.map((r) => r.summary.donor_exit_year ?? Infinity), (y) => (y === Infinity ? NEVER : String(y))],
    ['Cumulative unfunded gap', results.map(gapOf), (g) => (g === 0 ? '0' : moneyShort(g))],
    ['Self-sufficiency, last year', results.map((r) => r.years.at(-1).self_sufficiency_pct), pctText],
  ];
  const statRow = async (id) => page.getByTestId(id).locator('td').allInnerTexts();
  const [mins, medians, maxes] = [await statRow('room-min'), await statRow('room-median'), await statRow('room-max')];
  for (const [name, values, show] of columns) {
    const sorted = [...values].sort((x, y) => x - y);
    const at = col(name) - 1;
    assert.equal(mins[at], show(sorted[0]), `min of ${name}`);
    assert.equal(medians[at], show(sorted[14]), `median of ${name}`);
    assert.equal(maxes[at], show(sorted[29]), `max of ${name}`);
  }
  const years = results.map((r) => r.summary.self_sufficiency_year ?? Infinity).sort((x, y) => x - y);

  // Who is first.
  const first = years[0];
  const firstNames = plans.filter((_, i) => results[i].summary.self_sufficiency_year === first).map((p) => p.meta.name);
  assert.equal(await page.getByTestId('room-first').innerText(), `First to self-sufficiency: ${firstNames.join(', ')} (${first})`);
  assert.equal(await page.locator('[data-testid="room-chart"] path.room-need').count(), 30);
  assert.equal(await page.locator('[data-testid="room-chart"] path.room-revenue').count(), 30);

  // A plan file dropped on the summary joins the room; the plan on screen stays.
  const extra = structuredClone(plans[0]);
  extra.meta.name = 'From a file';
  const before = await page.getByTestId('share-url').inputValue();
  await page.getByTestId('room-summary').evaluate((el, json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'participant.json', { type: 'application/json' }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(extra));
  await page.waitForFunction(() => document.querySelector('[data-testid="room-count"]').textContent === '31 participants');
  assert.equal(await page.getByTestId('share-url').inputValue(), before);
  // Closing the summary, or presenting, keeps the room.
  await page.getByTestId('room-button').click();
  assert.equal(await page.getByTestId('room-summary').count(), 0);
  await page.getByTestId('present-button').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('room-button').click();
  assert.equal(await page.getByTestId('room-count').innerText(), '31 participants');

  // A broken link is named, not silently dropped.
  await page.getByTestId('room-links').fill(`${links[0].slice(0, -12)}`);
  await page.getByTestId('room-add').click();
  assert.match(await page.getByTestId('room-errors').innerText(), /^Link 1: /);
  await page.screenshot({ path: join(SHOTS, 'room-summary.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
