// Minifies the scripts of the first load in a release dist/: boot.js,
// first.js, sw.js (copied as written, comments and all) and the app's
// wasm-bindgen glue (Trunk's own minifier cannot parse it and ships it as
// it is). The glue is preloaded with a Subresource Integrity hash, which is
// written anew. Run by scripts/build.sh after Trunk.
//
// Usage: node scripts/minify.mjs [DIST_DIR]   (default dist/)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';

const dist = resolve(process.argv[2] ?? 'dist');
const indexFile = join(dist, 'index.html');
let index = readFileSync(indexFile, 'utf8');
const glue = index.match(/\bdata-js=["']?\/?([^"'\s>]+\.js)/)?.[1];
if (!glue) {
  console.error(`minify: ${indexFile} names no app glue (data-js)`);
  process.exit(1);
}

let before = 0;
let after = 0;
for (const name of ['boot.js', 'first.js', 'sw.js', glue]) {
  const file = join(dist, name);
  const source = readFileSync(file, 'utf8');
  // The glue and boot.js are modules; first.js and sw.js classic scripts,
  // whose top-level names esbuild leaves alone.
  const format = name === glue || name === 'boot.js' ? 'esm' : undefined;
  const { code } = await transform(source, { minify: true, format, loader: 'js', charset: 'utf8' });
  writeFileSync(file, code);
  before += source.length;
  after += code.length;
}

// The glue's integrity hash, wherever the page names it with one.
const name = glue.replace(/[.]/g, '\\.');
const tagged = index.match(new RegExp(`<[^>]*${name}[^>]*\\bintegrity=[^>]*>`, 'g')) ?? [];
const integrity = `sha384-${createHash('sha384').update(readFileSync(join(dist, glue))).digest('base64')}`;
let rewritten = 0;
index = index.replace(
  new RegExp(`(href=["']?/?${name}["']?[^>]*?\\bintegrity=["']?)sha384-[A-Za-z0-9+/=]+`, 'g'),
  (_, head) => (rewritten++, `${head}${integrity}`),
);
if (rewritten !== tagged.length) {
  console.error(`minify: rewrote ${rewritten} of the ${tagged.length} integrity hashes of ${glue}`);
  process.exit(1);
}
writeFileSync(indexFile, index);
console.log(`minify: ${before} -> ${after} characters of script`);
