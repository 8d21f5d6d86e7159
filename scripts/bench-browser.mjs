// Browser timings of the release build, for scripts/bench.sh: first render, in-browser extraction
// of the five seeds, the work of each search keystroke, and importing a 100 KB and a 1 MB text
// (performance marks set by the app).
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, ROOT } from '../tests/e2e/harness.mjs';

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

// Importing a user's plan: pasted text of 100 KB and 1 MB (the seeds, repeated), through the real
// panel. Reports the extraction measure the app sets and the longest task the page had.
const seedText = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8')).join('\n');
for (const kb of [100, 1024]) {
  let text = '';
  while (Buffer.byteLength(text) < kb * 1024) text += seedText;
  text = text.slice(0, Math.floor(text.length * (kb * 1024) / Buffer.byteLength(text)));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const importPage = await context.newPage();
  await importPage.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await importPage.goto(`${url}#lang=en`);
  await importPage.getByTestId('add-plan').click();
  // As a paste does: the whole text at once, one input event.
  await importPage.getByTestId('paste-text').evaluate((area, value) => {
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await importPage.evaluate(() => { window.__longTasks = []; });
  const started = Date.now();
  await importPage.getByTestId('paste-add').click();
  await importPage.waitForFunction(() => [...document.querySelectorAll('[data-testid=import-message]')].some((m) => /^Added/.test(m.innerText)), null, { timeout: 60000 });
  const wall = Date.now() - started;
  const { extract, longest } = await importPage.evaluate(() => ({
    extract: performance.getEntriesByName('plan-compare:import').at(-1)?.duration,
    longest: Math.max(0, ...window.__longTasks),
  }));
  console.log(`import of a ${kb} KB pasted text: extraction ${fmt(extract ?? NaN)}, click to "Added" ${wall} ms, longest task ${fmt(longest)} (budget 200 ms)`);
  await context.close();
}
await browser.close();
server.close();
