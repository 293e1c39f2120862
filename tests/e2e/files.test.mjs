// Files: the plan exported as JSON opens again (picker and drag-and-drop)
// to the same results, the CSV year table agrees with the command-line
// evaluator, the chart exports as standalone SVG and 2× PNG, and a bad
// file lists its problems and leaves the plan as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  newPage, openApp, dragRange, evaluatePlan, fixedLikeRust, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { readResults, planName, setPlanName, stored } from './plan-io.mjs';

const env = useApp();

/** Clicks an export button and returns the download's name and bytes. */
async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

/** An edited plan on screen: growth dragged, a new name. */
async function editedPage() {
  const session = await newPage(env.browser);
  await openApp(session.page, env.url);
  const slider = session.page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  await dragRange(slider, [2.5, 1.8]);
  await setPlanName(session.page, 'Export test');
  return session;
}

/** Parses one CSV line (quoted fields allowed). */
function csvFields(line) {
  const out = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

test('a plan exported as JSON opens in a fresh browser, by picker and by drop, to the same results', async () => {
  const a = await editedPage();
  const results = await readResults(a.page);
  const { name, bytes } = await download(a.page, 'export-json');
  assert.equal(name, 'sunset-plan-export-test.json');
  const plan = JSON.parse(bytes.toString('utf8'));
  assert.equal(plan.format, 'sunset-plan');
  assert.equal(plan.meta.name, 'Export test');

  const b = await newPage(env.browser);
  await openApp(b.page, env.url);
  await b.page.getByTestId('import-json').setInputFiles({ name, mimeType: 'application/json', buffer: bytes });
  await b.page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.innerText === 'Export test');
  assert.deepEqual(await readResults(b.page), results);

  const c = await newPage(env.browser);
  await openApp(c.page, env.url);
  await c.page.evaluate(([text, fileName]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], fileName, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [bytes.toString('utf8'), name]);
  await c.page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.innerText === 'Export test');
  assert.deepEqual(await readResults(c.page), results);

  for (const s of [a, b, c]) {
    assert.deepEqual(s.problems, []);
    await s.context.close();
  }
});

test('the CSV year table has the evaluator\'s header and first row', async () => {
  const { page, problems, context } = await editedPage();
  const plan = JSON.parse((await download(page, 'export-json')).bytes.toString('utf8'));
  const { name, bytes } = await download(page, 'export-csv');
  assert.equal(name, 'sunset-plan-export-test-years.csv');
  const lines = bytes.toString('utf8').trim().split(/\r?\n/);
  const header = csvFields(lines[0]);
  const first = csvFields(lines[1]);

  const evaluated = evaluatePlan(plan);
  const y0 = evaluated.years[0];
  assert.equal(header[0], 'year');
  assert.equal(Number(first[0]), y0.year);
  assert.equal(lines.length - 1, evaluated.years.length, 'one row per year');
  let checked = 0;
  for (let i = 1; i < header.length; i++) {
    // Each column names its unit: "need (TMD)", "fx (TMD per USD)".
    const [, key, unit] = header[i].match(/^(.*) \((.*)\)$/);
    // Breakdown columns are `<group>.<item name>`; item names may hold dots.
    const dot = key.indexOf('.');
    const group = dot > 0 ? key.slice(0, dot) : null;
    const want = group && typeof y0[group] === 'object' ? y0[group][key.slice(dot + 1)] : y0[key];
    assert.ok(want !== undefined, `the evaluator has "${key}"`);
    if (want === null || want === undefined) continue;
    // Money to the cent, shares to a hundredth, index and rate to 6 places.
    const places = unit === '%' || unit === plan.meta.currency ? 2 : unit === 'people' ? 0 : 6;
    assert.equal(Number(first[i]), Number(fixedLikeRust(want, places)), `${key} in the first row`);
    checked++;
  }
  assert.ok(checked >= 20, `compared ${checked} figures and breakdowns`);
  const items = plan.revenues.length + plan.costs.length + plan.programmes.length + plan.donors.length;
  assert.equal(header.filter((h) => h.includes('.')).length, items, 'one column per breakdown item');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the bridge chart exports as standalone SVG and as PNG at twice its size', async () => {
  const { page, problems, context } = await editedPage();
  const chart = page.locator('[data-testid="bridge-chart"] svg');
  const box = await chart.boundingBox();

  const svg = await download(page, 'export-svg');
  assert.equal(svg.name, 'sunset-plan-export-test-bridge.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<\?xml/);
  assert.match(text, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(text, /style="[^"]*fill:/, 'computed styles are inlined');
  writeFileSync(join(SHOTS, 'bridge-export.svg'), text);

  // The standalone file looks like the chart: render it alone and compare sizes.
  const viewer = await context.newPage();
  await viewer.setContent(`<body style="margin:0">${text.replace(/^<\?xml[^>]*>/, '')}</body>`);
  const shown = await viewer.locator('body > svg').boundingBox();
  assert.equal(Math.round(shown.width), Math.round(box.width));
  assert.ok(shown.height > box.height, 'title and legend are added around the chart');
  assert.match(text, /Funding bridge/);
  assert.match(text, /Local revenue/);
  await viewer.screenshot({ path: join(SHOTS, 'bridge-export-svg.png') });
  await viewer.close();

  const png = await download(page, 'export-png');
  assert.equal(png.name, 'sunset-plan-export-test-bridge.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  assert.equal(width, Math.round(box.width * 2));
  assert.equal(height, Math.round(shown.height) * 2);
  writeFileSync(join(SHOTS, 'bridge-export.png'), png.bytes);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file that is not a valid plan lists every problem and changes nothing', async () => {
  const { page, problems, context } = await editedPage();
  const results = await readResults(page);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('sunset-planner/current') ?? 'null')?.plan?.meta?.name === 'Export test');
  const saved = await stored(page);
  const input = page.getByTestId('import-json');

  const bad = {
    format: 'sunset-plan', version: 1,
    meta: { name: '<script>window.pwned=1</script>', start_year: 2026, horizon_years: -3, discount_rate_pct: 'x' },
    macro: { gdp_base: -1, population_base: 1e6 },
  };
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const banner = page.getByTestId('import-error');
  await banner.waitFor();
  const message = await banner.innerText();
  assert.match(message, /could not be opened/);
  assert.ok((await banner.locator('li').count()) >= 1, message);
  await page.screenshot({ path: join(SHOTS, 'import-error.png') });

  const newer = { format: 'sunset-plan', version: 99, meta: {}, macro: {} };
  await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
  await page.waitForFunction((old) => document.querySelector('[data-testid="import-error"]')?.innerText !== old, message);
  assert.match(await banner.innerText(), /version|newer/i);

  // The banner is already up (the newer file's message): wait for this
  // file's own message, not merely for a banner. The page reads files as
  // text (bad bytes become U+FFFD), so the JSON reader is what refuses it.
  const newerMessage = await banner.innerText();
  await input.setInputFiles({ name: 'binary.json', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xfe, 0x00, 0x80]) });
  await page.waitForFunction((old) => document.querySelector('[data-testid="import-error"]')?.innerText !== old, newerMessage);
  assert.match(await banner.innerText(), /plan: is not valid JSON \(line 1, column 1/);

  assert.equal(await planName(page), 'Export test');
  assert.deepEqual(await readResults(page), results);
  assert.equal(await stored(page), saved);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});
