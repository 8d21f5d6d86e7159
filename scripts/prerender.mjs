// After scripts/bundle.mjs: writes into dist/index.html the overview exactly as the app draws it
// for a visit without a hash (Chinese, the five built-in plans, nothing stored), so that a first
// visit paints the real first view as soon as the HTML and CSS arrive, not once the script has
// run. The app clears #app when it mounts and draws the same view in its place.
//
// The snapshot is taken in headless Chromium from the release build itself, so it cannot drift
// from what the app draws. It is inert until the app mounts: its data-testid attributes are
// dropped (tests and benchmarks wait for the app's own markup), and assets/first-view.js shows it
// only when the address has no hash. The single file (plan-compare.html) is left as it is.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, DIST } from '../tests/e2e/harness.mjs';

const indexPath = path.join(DIST, 'index.html');
const fail = (message) => {
  console.error(`prerender: ${message}`);
  process.exit(1);
};

const browser = await launchBrowser();
const { server, url } = await startServer();
let snapshot;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await page.locator('#app[data-mounted] [data-testid=plan-list]').waitFor({ timeout: 60000 });
  if (problems.length) fail(`the app reported errors: ${problems.join('; ')}`);
  snapshot = await page.evaluate(() => {
    const copy = document.getElementById('app').cloneNode(true);
    for (const element of copy.querySelectorAll('[data-testid]')) element.removeAttribute('data-testid');
    return copy.innerHTML;
  });
} finally {
  await browser.close();
  server.close();
}
if (snapshot.includes('</script')) fail('the snapshot contains a script');

const html = fs.readFileSync(indexPath, 'utf8');
const staticView = /<div id="app">([\s\S]*?)<!-- end of #app -->\s*<\/div>/;
if (!staticView.test(html)) fail('dist/index.html has no static first view to fill (was it pre-rendered already?)');
const filled = html.replace(staticView, (_, loading) => `<div id="app" data-prerendered="">${loading}<div class="pc-first-view">${snapshot}</div>\n  </div>`);
fs.writeFileSync(indexPath, filled);
console.log(`prerender: dist/index.html carries the overview (${snapshot.length} characters of markup)`);
