// The printed brief: Chromium prints the page (as Ctrl+P or the "Brief"
// button do) on A4 and on Letter in at most two pages, and the PDF's own
// text holds the plan's name, the headline results as the screen shows
// them, the share link, every note typed in, and, when they are on, the
// comparison's deltas and the fan chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { newPage, openApp, linkPayload, defaultPlan, SHOTS } from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();

/** The PDF's page count and text (pdf.js reads it as a viewer would). */
async function readPdf(bytes) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((t) => t.str + (t.hasEOL ? '\n' : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pages.join('\n') };
}

/**
 * Text without its spaces and line breaks: a line of the brief may wrap
 * anywhere (the link wraps mid-word), and French writes numbers with
 * narrow no-break spaces.
 */
const squeeze = (s) => s.replace(/[\s\u00a0\u202f]+/g, '');

/** What the screen shows: plan name, headline values, link, deltas. */
async function onScreen(page) {
  return page.evaluate(() => ({
    name: document.querySelector('[data-testid="plan-name"]').textContent,
    cards: [...document.querySelectorAll('[data-testid="indicators"] .card-value')].map((e) => e.textContent),
    link: document.querySelector('[data-testid="share-url"]').value,
    deltas: [...document.querySelectorAll('[data-testid="compare"] .delta-card')].map((e) => e.textContent),
  }));
}

/** Waits until the brief's parts are drawn and the link has caught up. */
async function briefReady(page) {
  await page.waitForSelector('[data-island="brief"] [data-testid="brief-notes"]', { state: 'attached' });
  await page.waitForSelector('[data-island="brief-link"] .brief-qr', { state: 'attached' });
  // The link follows the plan a moment after a change: wait until it holds still.
  let last = null;
  for (;;) {
    const now = await page.getByTestId('share-url').inputValue();
    if (now === last) return;
    last = now;
    await page.waitForTimeout(400);
  }
}

/** Prints to PDF in `format`; checks pages and text; returns the text. */
async function printed(page, format, seen, notes, label) {
  const bytes = await page.pdf({ format, printBackground: true });
  writeFileSync(join(SHOTS, `brief-${label}-${format}.pdf`), bytes);
  const { pages, text } = await readPdf(bytes);
  assert.ok(pages <= 2, `${label}: ${format} prints on ${pages} pages`);
  const got = squeeze(text);
  assert.ok(got.includes(squeeze(seen.name)), `${label}: ${format} lacks the plan name ${seen.name}`);
  assert.ok(seen.cards.length >= 3, `${label}: only ${seen.cards.length} headline cards on screen`);
  for (const card of seen.cards) {
    assert.ok(got.includes(squeeze(card)), `${label}: ${format} lacks the headline "${card}"`);
  }
  assert.ok(got.includes(squeeze(seen.link)), `${label}: ${format} lacks the link`);
  for (const note of notes) {
    assert.ok(got.includes(squeeze(note)), `${label}: ${format} lacks the note "${note}"`);
  }
  for (const d of seen.deltas) {
    assert.ok(got.includes(squeeze(d)), `${label}: ${format} lacks the delta "${d}"`);
  }
  assert.match(text, /Printed on/);
  // The QR code is drawn as the page is about to print, not on screen.
  assert.equal(await page.locator('[data-island="brief-link"] .brief-qr svg').count(), 1, `${label}: no QR code printed`);
  return text;
}

test('the default plan prints as a brief of at most two pages on A4 and Letter', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  await briefReady(page);
  const seen = await onScreen(page);
  assert.equal(seen.name, defaultPlan().meta.name);
  const qr = page.locator('[data-island="brief-link"] .brief-qr svg');
  assert.equal(await qr.count(), 0, 'the QR code is drawn before anything prints');
  for (const format of ['A4', 'Letter']) {
    const text = await printed(page, format, seen, [], 'default');
    // The controls stay off the paper.
    assert.doesNotMatch(text, /Undo|Open audience window|Skip to results/);
  }
  // A changed plan prints its own link and a new QR code.
  const before = await qr.evaluate((el) => el.outerHTML);
  await page.getByTestId('input-macro.real_growth_pct').fill('5.5');
  await page.getByTestId('input-macro.real_growth_pct').press('Enter');
  await briefReady(page);
  const changed = await onScreen(page);
  assert.notEqual(changed.link, seen.link);
  await printed(page, 'A4', changed, [], 'changed');
  assert.notEqual(await qr.evaluate((el) => el.outerHTML), before, 'the QR code still shows the old link');
  // On screen the brief's own parts stay hidden.
  assert.equal(await page.getByTestId('brief-notes').isVisible(), false);
  assert.equal(await page.getByTestId('brief-url').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The default plan with a note on every item, two scenarios and a run. */
function notedPlan() {
  const plan = defaultPlan();
  plan.version = 2; // notes, scenarios and the run came with version 2
  const notes = [];
  const note = (what, i) => {
    const text = `${what} ${i + 1}: Budget law 2026, table ${i + 3}, revised by the ministry in March`;
    notes.push(text);
    return text;
  };
  plan.meta.note = note('Plan', 0);
  for (const key of ['revenues', 'costs', 'programmes', 'donors', 'shocks', 'criteria']) {
    plan[key].forEach((item, i) => { item.note = note(key, i); });
  }
  plan.scenarios = [
    { name: 'Slow pledges', note: note('Scenario', 0), changes: { 'donors[0].fulfilment_pct': 60 } },
    { name: 'Early exit', note: note('Scenario', 1), changes: { 'donors[0].taper.end': 6 } },
  ];
  plan.uncertainty = { seed: 3, paths: 1000, real_growth_sd_pp: 1.5, inflation_sd_pp: 2 };
  return { plan, notes };
}

test('a plan with notes everywhere, two compared scenarios and the fan prints in two pages', async () => {
  const { plan, notes } = notedPlan();
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
  await page.getByTestId('compare-0').check();
  await page.getByTestId('compare-1').check();
  await page.getByTestId('compare').waitFor();
  await page.waitForSelector('[data-testid="fan"][data-current="true"]', { timeout: 60000 });
  await briefReady(page);
  const seen = await onScreen(page);
  assert.equal(seen.name, plan.meta.name);
  assert.ok(seen.deltas.length >= 4, `${seen.deltas.length} delta cards on screen`);
  for (const format of ['A4', 'Letter']) {
    const text = await printed(page, format, seen, notes, 'noted');
    // The fan chart prints with its title.
    const title = await page.locator('[data-testid="fan"] .fan-chart .chart-title').first().textContent();
    assert.ok(squeeze(text).includes(squeeze(title)), `the fan's title "${title}" is not printed`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Brief button says what it does, in French too', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  const button = page.getByTestId('brief-button');
  assert.equal(await button.innerText(), 'Brief');
  assert.equal(await button.getAttribute('title'), 'Print brief');
  await page.getByTestId('lang-fr').click();
  assert.equal(await button.innerText(), 'Note de synthèse');
  assert.equal(await button.getAttribute('title'), 'Imprimer');
  // It opens the browser's print dialog, which the test sees as a call.
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await button.click();
  assert.equal(await page.evaluate(() => window.printed), 1);
  // The browser's print() lays the page out before any later task runs:
  // the date and the QR code are drawn within the beforeprint event itself.
  const drawn = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const host = document.querySelector('[data-island="brief-link"]');
    return { qr: !!host.querySelector('.brief-qr svg'), date: host.querySelector('.brief-date').textContent };
  });
  assert.equal(drawn.qr, true, 'no QR code when print() lays the page out');
  assert.match(drawn.date, /^Imprimé le \S/);
  assert.deepEqual(problems, []);
  await context.close();
});
