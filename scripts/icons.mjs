// Rasterises the app icons (icons/*.svg) into the PNG sizes the web app
// manifest lists, with the project's own headless Chromium. Run it after
// changing an SVG and commit the PNGs: builds only copy them.
// Usage: node scripts/icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser } from '../tests/e2e/lib.mjs';

const ICONS = join(ROOT, 'icons');
const OUTPUTS = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
];

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [svg, size, png] of OUTPUTS) {
    const data = readFileSync(join(ICONS, svg)).toString('base64');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0"><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}" style="display:block"></body>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(join(ICONS, png), await page.screenshot({ omitBackground: true, type: 'png' }));
    console.log(`${png}: ${size}×${size} from ${svg}`);
  }
} finally {
  await browser.close();
}
