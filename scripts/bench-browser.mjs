// Browser timings of the release build, for scripts/bench.sh: first render, in-browser extraction
// of the five seeds, and the work of each search keystroke (performance marks set by the app).
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const browser = await launchBrowser();
const { server, url } = await startServer();
const runs = 5;
const loads = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('plan-list').waitFor();
  loads.push(
    await page.evaluate(() => {
      const extract = performance.getEntriesByName('plan-compare:extract')[0]?.duration;
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const nav = performance.getEntriesByType('navigation')[0];
      // A second extraction once the code is compiled: what extraction itself costs.
      // eslint-disable-next-line no-undef
      const warm = wasm_bindgen.bench_extract_again();
      return { extract, warm, paint, domContentLoaded: nav.domContentLoadedEventEnd };
    }),
  );
  await context.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (v) => `${v.toFixed(1)} ms`;
console.log(`first contentful paint (static first view): median ${fmt(median(loads.map((l) => l.paint)))}`);
console.log(`in-browser extraction of the five seeds at start-up (includes compiling the extraction code on first call): median ${fmt(median(loads.map((l) => l.extract)))}, max ${fmt(Math.max(...loads.map((l) => l.extract)))} (budget 20 ms)`);
console.log(`in-browser extraction of the five seeds, code compiled: median ${fmt(median(loads.map((l) => l.warm)))}, max ${fmt(Math.max(...loads.map((l) => l.warm)))}`);

const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${url}#view=explore`);
await page.getByTestId('search').waitFor();
const rendered = await page.evaluate(() => performance.now());
console.log(`explore view rendered (${await page.getByTestId("result").count()} result rows drawn): ${fmt(rendered)} after navigation start`);
const keystrokes = [];
for (const query of ['机器人', '数据', '智能制造', '人才', '2025']) {
  await page.getByTestId('search').fill('');
  await page.waitForTimeout(50);
  await page.evaluate(() => performance.clearMeasures('plan-compare:filter'));
  await page.getByTestId('search').pressSequentially(query, { delay: 40 });
  await page.waitForTimeout(100);
  keystrokes.push(...(await page.evaluate(() => performance.getEntriesByName('plan-compare:filter').map((e) => e.duration))));
}
console.log(`search keystroke (filter + facets + redraw): median ${fmt(median(keystrokes))}, max ${fmt(Math.max(...keystrokes))} over ${keystrokes.length} keystrokes (budget 16 ms)`);
await browser.close();
server.close();
