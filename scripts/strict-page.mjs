// The release page's Content Security Policy, and the check that lets it
// hold. Run on dist/index.html after Trunk has built it (scripts/build.sh):
// fails if the page still carries an inline script, an inline event
// handler or a <style> element (the policy would block them and the app
// would break), then writes the policy as a <meta http-equiv> right after
// the charset, before anything the page loads.
//
// Not for the development server (`trunk serve`): it injects its own
// inline reload script, so `make run` serves the page without the policy.
//
// Usage: node scripts/strict-page.mjs [dist/index.html]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One directive a line, each with why it is as it is. */
const POLICY = [
  // Everything not named below: this origin only.
  "default-src 'self'",
  // Scripts are files from this origin; 'wasm-unsafe-eval' lets them
  // compile WebAssembly and allows no eval and no inline script.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Stylesheets from this origin only, no <style> element; the views set
  // a few computed style="" attributes (chart sizes, tooltip place,
  // legend swatches), which style-src-attr alone allows.
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  // The PNG export draws the chart through a data: SVG image and
  // downloads go through blob: addresses.
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function check(html) {
  const problems = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/.test(m[1])) problems.push(`inline script: ${m[0].slice(0, 80)}…`);
  }
  for (const m of html.matchAll(/<[a-z][^>]*?\son[a-z]+\s*=[^>]*>/gi)) problems.push(`inline event handler: ${m[0].slice(0, 80)}…`);
  if (/<style\b/i.test(html)) problems.push('a <style> element');
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) problems.push('a policy is there already');
  return problems;
}

const file = resolve(process.argv[2] ?? 'dist/index.html');
const html = readFileSync(file, 'utf8');
const problems = check(html);
if (problems.length) {
  console.error(`strict-page: ${file} cannot take the policy:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const charset = html.match(/<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/i);
if (!charset) {
  console.error(`strict-page: ${file} has no <meta charset=utf-8> to put the policy after`);
  process.exit(1);
}
const at = charset.index + charset[0].length;
const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`;
writeFileSync(file, html.slice(0, at) + meta + html.slice(at));
console.log(`strict-page: policy written to ${file}`);
