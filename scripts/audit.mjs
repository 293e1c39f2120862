// `make audit`: Lighthouse (desktop and mobile) and axe-core on the
// release dist/, served with gzip on loopback as any static host serves
// it. Prints figures and findings; it fails only when a tool cannot run,
// never on a score (scores move with the machine's load).
//
// Usage: node scripts/audit.mjs [DIST_DIR]   (default dist/)
// Environment: CHROME_PATH (default /usr/bin/chromium), AUDIT_RUNS
// (Lighthouse runs per form factor, default 3; the median run by
// performance score is reported).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, serveDist, launchBrowser, newPage, openApp } from '../tests/e2e/lib.mjs';

const run = promisify(execFile);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.AUDIT_RUNS ?? 3));
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const version = (pkg) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
// The axe-core that @axe-core/playwright itself loads (it may pin another
// than Lighthouse's).
const axeVersion = () => createRequire(join(ROOT, 'node_modules', '@axe-core', 'playwright', 'package.json'))('axe-core/package.json').version;

/** One Lighthouse run; returns the parsed report. */
async function lighthouse(url, formFactor, dir, n) {
  const out = join(dir, `${formFactor}-${n}.json`);
  const args = [
    url, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ];
  if (formFactor === 'desktop') args.push('--preset=desktop');
  await run(join(ROOT, 'node_modules', '.bin', 'lighthouse'), args, {
    env: { ...process.env, CHROME_PATH: CHROME },
    maxBuffer: 64 << 20,
  });
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  if (lhr.runtimeError) throw new Error(`lighthouse ${formFactor}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return lhr;
}

/** The figures we report from one report. */
function figures(lhr) {
  const a = lhr.audits;
  const score = (c) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
  const failed = Object.values(lhr.categories.accessibility.auditRefs)
    .map((r) => a[r.id])
    .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary')
    .map((x) => x.id);
  const csp = a['csp-xss']?.details?.items ?? [];
  return {
    perf: score('performance'),
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    tti: a.interactive.numericValue,
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    a11y: score('accessibility'),
    bp: score('best-practices'),
    failed,
    csp: csp.map((i) => `${i.severity ?? ''} ${i.directive ?? ''}: ${typeof i.description === 'string' ? i.description : i.description?.formattedDefault ?? ''}`.trim()),
  };
}

function median(rows) {
  const sorted = [...rows].sort((x, y) => x.perf - y.perf || y.lcp - x.lcp);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pad = (v, n) => String(v).padEnd(n);

async function axe(url) {
  const browser = await launchBrowser();
  const results = [];
  try {
    for (const [name, viewport] of [['desktop', { width: 1400, height: 900 }], ['mobile', { width: 412, height: 823 }]]) {
      const { page, context } = await newPage(browser, { viewport });
      await openApp(page, url);
      const r = await new AxeBuilder({ page }).analyze();
      results.push({ name, violations: r.violations });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

const server = await serveDist(process.argv[2] ? resolve(process.argv[2]) : undefined, { gzip: true });
const dir = mkdtempSync(join(tmpdir(), 'audit-'));
try {
  console.log(`lighthouse ${version('lighthouse')}, median of ${RUNS} run(s) per form factor; dist/ served with gzip at ${server.url}`);
  const rows = {};
  for (const ff of ['desktop', 'mobile']) {
    const all = [];
    for (let n = 0; n < RUNS; n++) all.push(figures(await lighthouse(server.url, ff, dir, n)));
    rows[ff] = median(all);
    if (RUNS > 1) console.log(`  ${ff} performance by run: ${all.map((r) => r.perf).join(', ')}`);
  }
  console.log();
  console.log(`${pad('', 9)}${pad('perf', 6)}${pad('FCP', 8)}${pad('LCP', 8)}${pad('TTI', 8)}${pad('TBT', 9)}${pad('CLS', 7)}${pad('a11y', 6)}best-practices`);
  for (const [ff, r] of Object.entries(rows)) {
    console.log(`${pad(ff, 9)}${pad(r.perf, 6)}${pad(s(r.fcp), 8)}${pad(s(r.lcp), 8)}${pad(s(r.tti), 8)}${pad(`${Math.round(r.tbt)} ms`, 9)}${pad(r.cls.toFixed(3), 7)}${pad(r.a11y, 6)}${r.bp}`);
  }
  for (const [ff, r] of Object.entries(rows)) {
    console.log(`${ff} accessibility audits failed: ${r.failed.length ? r.failed.join(', ') : 'none'}`);
    console.log(`${ff} csp-xss findings: ${r.csp.length ? `\n    ${r.csp.join('\n    ')}` : 'none'}`);
  }

  console.log();
  console.log(`axe-core ${axeVersion()} (via @axe-core/playwright ${version('@axe-core/playwright')})`);
  for (const { name, violations } of await axe(server.url)) {
    console.log(`${name}: ${violations.length} violation(s)`);
    for (const v of violations) {
      console.log(`  ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
}
