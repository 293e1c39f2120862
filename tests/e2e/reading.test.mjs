// Reading the planner where it is hard to read: on a phone (the toolbars
// fold into one menu), with the most extreme plans the validator accepts
// (axes stay short and tidy, nothing breaks), with a gap-filling facility
// beside an unfunded gap (they must not look alike), and over a 60-year
// horizon (a zoom keeps the early years readable).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, openApp, defaultPlan, evaluatePlan, linkPayload,
} from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Every action of the toolbars, by data-testid. */
const ACTIONS = [
  'undo', 'redo', 'lang-en', 'lang-fr', 'currency-lcu', 'currency-usd',
  'share-button', 'qr-button', 'export-json', 'export-csv', 'export-svg', 'export-png',
  'present-button', 'audience-button', 'room-button',
];

const focusedId = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);

async function shown(page) {
  const out = {};
  for (const id of ACTIONS) out[id] = await page.getByTestId(id).isVisible();
  return out;
}
const all = (v) => Object.fromEntries(ACTIONS.map((id) => [id, v]));

test('on a phone the toolbars fold into one Menu button that opens, closes and gives the focus back', async () => {
  const { page, problems, context } = await newPage(env.browser, PHONE);
  await openApp(page, env.url);
  const menu = page.getByTestId('menu-button');
  assert.equal((await menu.innerText()).trim(), 'Menu');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  // Folded: no action shows, and the header is one row above the results.
  assert.deepEqual(await shown(page), all(false));
  const header = await page.locator('.app-header').boundingBox();
  assert.ok(header.height <= 70, `the folded header is ${header.height} px high`);
  const box = await menu.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, `the menu button is ${box.width}×${box.height}`);

  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await shown(page), all(true));
  // What it controls is there and shown.
  const parts = (await menu.getAttribute('aria-controls')).split(/\s+/);
  assert.ok(parts.length > 0);
  for (const id of parts) assert.ok(await page.locator(`#${id}`).isVisible(), `#${id} shows`);
  for (const id of ACTIONS) {
    const b = await page.getByTestId(id).boundingBox();
    assert.ok(b.width >= 23.5 && b.height >= 23.5, `${id} is ${b.width}×${b.height}`);
    assert.ok(b.x >= 0 && b.x + b.width <= 390, `${id} is on screen`);
  }

  // Escape folds it and the focus goes back to the button.
  await page.getByTestId('lang-en').focus();
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(await shown(page), all(false));
  assert.equal(await focusedId(page), 'menu-button');

  // By keyboard: Enter opens; choosing an action does it, folds the menu
  // and gives the focus back.
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByTestId('lang-fr').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await focusedId(page), 'menu-button');
  assert.equal((await menu.innerText()).trim(), 'Menu');
  assert.deepEqual(await shown(page), all(false));

  // A tap on an action works the same way.
  await menu.tap();
  await page.getByTestId('currency-usd').tap();
  assert.equal(await page.getByTestId('currency-usd').getAttribute('aria-pressed'), 'true');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await focusedId(page), 'menu-button');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a desktop the toolbars stay as they are, with no menu button', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  assert.equal(await page.getByTestId('menu-button').isVisible(), false);
  assert.deepEqual(await shown(page), all(true));
  // The header's tools sit in the header's row, beside the title.
  const header = await page.locator('.app-header').boundingBox();
  const undo = await page.getByTestId('undo').boundingBox();
  assert.ok(undo.y >= header.y && undo.y + undo.height <= header.y + header.height);
  assert.ok(header.height <= 70, `the header is ${header.height} px high`);
  await page.getByTestId('lang-fr').click();
  assert.deepEqual(await shown(page), all(true), 'an action folds nothing');
  assert.deepEqual(problems, []);
  await context.close();
});

// Extreme plans.

/** The default plan over 60 years with the fastest growth the validator takes. */
function explosivePlan() {
  const plan = defaultPlan();
  plan.meta.horizon_years = 60;
  plan.macro.real_growth_pct = 1000;
  plan.macro.inflation_pct = 1000;
  return plan;
}

/** Fifteen donors: the default three and twelve budget-support donors. */
function manyDonors() {
  const plan = defaultPlan();
  plan.meta.horizon_years = 60;
  for (let i = 4; plan.donors.length < 15; i++) {
    plan.donors.push({
      name: `Donor ${i}`, kind: 'budget_support', currency: 'USD', base: 2e7 * i,
      fulfilment_pct: 100, taper: { shape: 'linear', start: i, end: 20 + i },
    });
  }
  return plan;
}

/** A plan with every list empty. */
function emptyLists() {
  const plan = defaultPlan();
  for (const key of ['revenues', 'costs', 'programmes', 'donors', 'shocks', 'criteria']) plan[key] = [];
  return plan;
}

/**
 * Collects console warnings too: a warning is a fault here. One comes with
 * every page, whatever its plan, from loading a module (the worker's
 * loader), not from drawing: it is left to the build.
 */
const LOADING = [/deprecated parameters for the initialization function/];
function watchWarnings(page) {
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && !LOADING.some((w) => w.test(m.text()))) warnings.push(m.text());
  });
  return warnings;
}

/**
 * What could be wrong with the page's charts: tick labels too long, out of
 * their chart or over each other, year labels over each other, and NaN or
 * Infinity in any SVG attribute.
 */
function chartFaults(page) {
  return page.evaluate((maxChars) => {
    const faults = [];
    const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const svgs = [...document.querySelectorAll('.results svg')];
    if (svgs.length < 2) faults.push(`only ${svgs.length} charts drawn`);
    for (const svg of svgs) {
      const frame = svg.getBoundingClientRect();
      const name = svg.closest('[data-testid]')?.dataset.testid;
      const ticks = [...svg.querySelectorAll('.tick text')];
      for (const t of ticks) {
        const text = t.textContent.replace(/\u00a0%$/, '');
        if ([...text].length > maxChars) faults.push(`${name}: tick label "${t.textContent}" is long`);
        const b = t.getBoundingClientRect();
        if (b.left < frame.left - 1 || b.right > frame.right + 1) faults.push(`${name}: tick label "${t.textContent}" outside its chart`);
      }
      for (const group of [ticks, [...svg.querySelectorAll('.year-label')]]) {
        const boxes = group.map((t) => [t.textContent, t.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            if (overlap(boxes[i][1], boxes[j][1])) faults.push(`${name}: "${boxes[i][0]}" over "${boxes[j][0]}"`);
          }
        }
      }
      for (const el of [svg, ...svg.querySelectorAll('*')]) {
        for (const a of el.attributes) {
          if (/NaN|Infinity/i.test(a.value)) faults.push(`${name}: ${el.tagName} ${a.name}="${a.value.slice(0, 60)}"`);
        }
      }
    }
    return faults;
  }, 9); // "80 000 Md" (format.rs AXIS_CHARS)
}

for (const [what, make] of [['1000 % growth and inflation over 60 years', explosivePlan], ['15 donors over 60 years', manyDonors], ['empty lists', emptyLists]]) {
  test(`a plan with ${what} draws with short, tidy axes and no error`, async () => {
    const plan = make();
    const result = evaluatePlan(plan); // the command line takes it: so must the page
    const { page, problems, context } = await newPage(env.browser);
    const warnings = watchWarnings(page);
    await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
    assert.equal(await page.getByTestId('results-placeholder').count(), 0, 'the plan is drawn');
    assert.equal(await page.locator('[data-testid="bridge-chart"] rect.hit').count(), Math.min(result.years.length, 60));
    const views = [];
    for (const lang of ['en', 'fr']) {
      await page.getByTestId(`lang-${lang}`).click();
      for (const scale of [0, 1]) {
        await page.locator('[data-testid="bridge-scale-toggle"] button').nth(scale).click();
        views.push(...(await chartFaults(page)).map((f) => `${lang} ${scale ? '% of need' : 'amounts'}: ${f}`));
      }
    }
    assert.deepEqual(views, []);
    // The year table and the gap card read as short as the axes: no figure
    // runs to dozens of digits (French, the language chosen last).
    const long = await page.evaluate(() => [...document.querySelectorAll('table.year-table td, [data-testid="card-cumulative-gap-value"]')]
      .map((e) => e.textContent.trim()).filter((t) => t.length > 12));
    assert.deepEqual(long, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(warnings, []);
    await context.close();
  });
}

// The gap-filling facility and the unfunded gap.

/** The hue of "#rrggbb" (or "rgb(r, g, b)") in degrees; null for greys and white. */
function hue(colour) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour) ?? /^rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  if (!m) return null;
  const [r, g, b] = m.slice(1, 4).map((x) => (x.length === 2 && colour.startsWith('#') ? parseInt(x, 16) : Number(x)) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.15) return null;
  const h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
  return (h * 60 + 360) % 360;
}
const hueGap = (a, b) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
const isRed = (h) => h !== null && hueGap(h, 0) <= 15;

test('the gap-filling facility and the unfunded gap differ in pattern and colour, in the chart and its legend', async () => {
  // The facility second, where it took the palette's orange.
  const plan = defaultPlan();
  const at = plan.donors.findIndex((d) => d.kind === 'gap_filling');
  plan.donors.splice(1, 0, ...plan.donors.splice(at, 1));
  plan.macro.real_growth_pct = 3; // leaves a gap to see
  assert.ok(evaluatePlan(plan).years.some((y) => y.unfunded_gap > 0));
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
  const looks = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="bridge-chart"] svg');
    // Every paint of the shape: its own fill and whatever lies over it.
    const look = (testid) => {
      const area = svg.querySelector(`[data-testid="${testid}"]`);
      const layers = [...svg.querySelectorAll('path')].filter((p) => p.getAttribute('d') === area.getAttribute('d'));
      const colours = [];
      const patterns = [];
      const directions = new Set();
      for (const layer of layers) {
        const fill = layer.getAttribute('fill');
        const ref = /^url\(#(.+)\)$/.exec(fill ?? '');
        if (!ref) { colours.push(fill); continue; }
        patterns.push(ref[1]);
        const pattern = svg.querySelector(`pattern[id="${ref[1]}"]`);
        for (const c of pattern.querySelectorAll('*')) {
          for (const a of ['fill', 'stroke']) {
            const v = c.getAttribute(a);
            if (v && v !== 'none') colours.push(v);
          }
          // Stroked lines and their directions (a hatch has one, a cross-hatch two).
          if (c.getAttribute('stroke')) {
            for (const cmd of (c.getAttribute('d') ?? '').match(/[HVL]/g) ?? []) directions.add(cmd);
            if (c.tagName === 'line') directions.add(`${c.getAttribute('x1') === c.getAttribute('x2')}`);
          }
        }
      }
      return { colours, patterns, directions: directions.size };
    };
    const swatch = (text) => {
      const li = [...document.querySelectorAll('[data-testid="bridge-chart"] .chart-legend li')].find((l) => l.textContent.includes(text));
      const s = getComputedStyle(li.querySelector('.swatch'));
      return { colour: s.backgroundColor, image: s.backgroundImage };
    };
    return {
      facility: look('bridge-area-donor-1'),
      gap: look('gap-area'),
      legendFacility: swatch('(gap-filling)'),
      legendGap: swatch('Unfunded gap'),
    };
  });
  const hues = (cs) => cs.map(hue).filter((h) => h !== null);
  const { facility, gap } = looks;
  assert.ok(gap.patterns.length > 0 && facility.patterns.length > 0, JSON.stringify(looks));
  assert.equal(gap.patterns.filter((p) => facility.patterns.includes(p)).length, 0, 'no pattern in common');
  assert.ok(hues(gap.colours).every(isRed), `the gap is red: ${gap.colours}`);
  assert.ok(gap.directions >= 2, `the gap is cross-hatched: ${JSON.stringify(gap)}`);
  for (const f of hues(facility.colours)) {
    for (const g of hues(gap.colours)) assert.ok(hueGap(f, g) >= 90, `facility ${facility.colours} against gap ${gap.colours}`);
  }
  // The legend matches: the facility's swatch in the facility's colour,
  // the gap's red and cross-hatched.
  const { legendFacility, legendGap } = looks;
  assert.ok(facility.colours.some((c) => hue(c) !== null && Math.abs(hue(c) - hue(legendFacility.colour)) < 1), JSON.stringify(looks));
  const legendGapColours = [legendGap.colour, ...(legendGap.image.match(/rgba?\([^)]*\)/g) ?? [])];
  assert.ok(hues(legendGapColours).every(isRed) && hues(legendGapColours).length > 0, `legend gap: ${JSON.stringify(legendGap)}`);
  assert.ok((legendGap.image.match(/linear-gradient\((-?\d+)deg/g) ?? []).length >= 2, `legend gap cross-hatched: ${legendGap.image}`);
  assert.notDeepEqual(legendFacility, legendGap);
  assert.deepEqual(problems, []);
  await context.close();
});

// Long horizons.

/** The bridge chart as drawn: its year columns, labels and how high the first year's need reaches. */
function bridgeShape(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="bridge-chart"] svg');
    const widths = [...svg.querySelectorAll('rect.hit')].map((r) => r.getBoundingClientRect().width);
    const labels = [...svg.querySelectorAll('.year-label')].map((t) => ({
      text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize), box: t.getBoundingClientRect().toJSON(),
    }));
    const clip = svg.querySelector('clipPath rect');
    const top = Number(clip.getAttribute('y'));
    const axis = Number(svg.querySelector('line.axis').getAttribute('y1'));
    const need = Number(/^M[\d.]+,([\d.]+)/.exec(svg.querySelector('[data-testid="need-line"]').getAttribute('d'))[1]);
    return { widths, labels, firstNeed: (axis - need) / (axis - top) };
  });
}

test('over 60 years a zoom on the first years keeps them readable; without it all 60 years show', async () => {
  const plan = defaultPlan();
  plan.meta.horizon_years = 60;
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, `${env.url}#plan=${linkPayload(plan)}`);
  const years = page.getByTestId('bridge-years');
  assert.equal(await years.inputValue(), 'all');
  const whole = await bridgeShape(page);
  assert.equal(whole.widths.length, 60);
  assert.equal(whole.labels[0].text, '2026');
  assert.ok(whole.firstNeed < 0.05, `unzoomed, the first year is squashed (${whole.firstNeed})`);

  // By keyboard: the arrow keys change the choice.
  await years.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="bridge-chart"] rect.hit').length === 15);
  assert.equal(await years.inputValue(), '15');
  const zoomed = await bridgeShape(page);
  assert.equal(zoomed.widths.length, 15);
  assert.ok(Math.min(...zoomed.widths) >= 40, `each year is at least 40 px wide: ${zoomed.widths}`);
  assert.equal(zoomed.labels[0].text, '2026');
  assert.ok(zoomed.labels[0].size >= 14);
  assert.ok(zoomed.labels.every((l, i) => i === 0 || l.box.left >= zoomed.labels[i - 1].box.right), 'year labels apart');
  assert.ok(zoomed.firstNeed >= 0.1, `zoomed, the first year's need reaches ${zoomed.firstNeed} of the height`);
  assert.match(await page.locator('[data-testid="bridge-chart"] svg title').textContent(), /2026–2040/);

  // The choice is kept when the language changes, and speaks French.
  await page.getByTestId('lang-fr').click();
  assert.match(await page.locator('.chart-years').innerText(), /Années affichées/);
  assert.deepEqual(await years.locator('option').allInnerTexts(), ['Toutes (60)', '15 premières', '30 premières']);
  assert.equal((await bridgeShape(page)).widths.length, 15);

  await years.selectOption('all');
  assert.equal((await bridgeShape(page)).widths.length, 60);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a plan of 15 years offers no zoom', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  assert.equal(await page.getByTestId('bridge-years').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
