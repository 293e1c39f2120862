// Helpers for the share-link, autosave and file tests: read what a person
// sees of a plan (headline cards, year table, name), what the page saved,
// and wait for the debounced address and autosave to settle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testText } from './lib.mjs';

export const KEY_CURRENT = 'sunset-planner/current';
export const KEY_PREVIOUS = 'sunset-planner/previous';
export const KEY_UNREADABLE = 'sunset-planner/unreadable';

/** What the results show: every headline card and the whole year table. */
export async function readResults(page) {
  await page.getByTestId('year-table').waitFor();
  return {
    cards: await testText(page, 'indicators'),
    table: await testText(page, 'year-table'),
  };
}

/**
 * The year table as the page shows it: the years of the header and, per
 * `data-metric` row, the text of each cell (the form `expectedYearTable`
 * in lib.mjs gives).
 */
export async function readYearTable(page) {
  await page.getByTestId('year-table').waitFor();
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="year-table"]');
    const years = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
    const rows = {};
    for (const tr of table.querySelectorAll('tr[data-metric]')) {
      rows[tr.dataset.metric] = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
    }
    return { years, rows };
  });
}

/** The plan name as the plan section's field holds it. */
export async function planName(page) {
  await openSection(page, 'plan');
  return page.getByTestId('input-meta.name').inputValue();
}

/** Opens an editor section if it is collapsed. */
export async function openSection(page, key) {
  const section = page.getByTestId(`section-${key}`);
  if (await section.evaluate((el) => el.classList.contains('collapsed'))) {
    await page.getByTestId(`toggle-section-${key}`).click();
  }
}

/** Types a new plan name, as a person does (input events, then change). */
export async function setPlanName(page, name) {
  await openSection(page, 'plan');
  const input = page.getByTestId('input-meta.name');
  await input.fill(name);
  await input.dispatchEvent('change');
}

/** The stored text under `key`, or null. */
export function stored(page, key = KEY_CURRENT) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** The plan in the saved record (parsed), or null. */
export async function savedPlan(page) {
  const text = await stored(page);
  return text ? JSON.parse(text).plan : null;
}

/** Waits until the saved record's plan is named `name`. */
export async function waitSavedName(page, name) {
  await page.waitForFunction(
    ([k, n]) => {
      try { return JSON.parse(localStorage.getItem(k)).plan.meta.name === n; } catch { return false; }
    },
    [KEY_CURRENT, name],
  );
}

/**
 * Waits until the address bar carries the same link as the share field
 * (both follow the plan a moment after a change), and, given `from` (the
 * address before an edit), until it has moved on from it.
 */
export async function waitUrlFollows(page, from = null) {
  await page.waitForFunction((old) => {
    const field = document.querySelector('[data-testid="share-url"]');
    return field && field.value === location.href && location.href !== old;
  }, from);
  return page.getByTestId('share-url').inputValue();
}

/** A committed link fixture's fragment (from `#`), e.g. 'links/example.link'. */
export function fixtureFragment(rel) {
  const text = readFileSync(join(ROOT, 'tests', 'fixtures', rel), 'utf8').trim();
  const i = text.indexOf('#');
  return i < 0 ? '' : text.slice(i);
}

/** Opens `url` as a new page load (a hash change alone would not reload). */
export async function loadFresh(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
}
