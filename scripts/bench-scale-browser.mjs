// The browser half of scripts/bench-scale.sh: for each workspace file given (synthetic plans from
// plan-synth), a fresh page of the release build imports it through the Add-a-plan panel's
// "Import workspace file" control, beside the five built-in plans, and this reports:
// - the time from the file input's change to the "Added N plans" message, and the app's own
//   `plan-compare:import` measure (extraction), and the longest task;
// - what the panel says (a full browser storage is expected for 1,000 plans) and whether the plans
//   are still there after a reload;
// - JS heap (CDP Performance.getMetrics) and the wasm memory (captured from WebAssembly.instantiate),
//   DOM nodes;
// - the first render of Explore, Compare and Timeline with every plan (hash change to drawn), and
//   Explore's search keystrokes (the app's `plan-compare:filter` measures, and the old definition,
//   `plan-compare:filter-dom`, beside them).
// - start-up after a reload with the plans stored: navigation to the app mounted, and to every
//   import listed.
// Numbers to read; bench.sh --check holds the 1,000-plan figures to their budgets.
// Usage: [BENCH_SKIP_VIEWS=1] node scripts/bench-scale-browser.mjs [--json OUT.json] FILE.json...
import fs from 'node:fs';
import path from 'node:path';
import { median, percentile, typeQueries } from './bench-common.mjs';
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';

// --json FILE: also write the figures of the largest workspace for `bench.sh --check`.
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : null;
const files = jsonAt >= 0 ? args.filter((_, i) => i !== jsonAt && i !== jsonAt + 1) : args;
if (files.length === 0) {
  console.error('usage: node scripts/bench-scale-browser.mjs [--json OUT.json] WORKSPACE.json...');
  process.exit(2);
}
const TIMEOUT = 600_000;
// A view that has not drawn in this long is reported as not drawing (the page may be stuck).
const RENDER_TIMEOUT = Number(process.env.RENDER_TIMEOUT_MS || 180_000);
const browser = await launchBrowser();
const { server, url } = await startServer();
const mb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);
const ms = (v) => (v == null || Number.isNaN(v) ? 'n/a' : `${Math.round(v)} ms`);

/** Records long tasks and keeps the wasm instance's memory where the page can read it. */
function instrument() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longTasks.push(e.duration);
      window.__longTaskSpans = window.__longTaskSpans || [];
      window.__longTaskSpans.push([e.startTime, e.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    if (instance?.exports?.memory) window.__wasmMemory = instance.exports.memory;
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(keep);
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = (...args) => streaming.apply(WebAssembly, args).then(keep);
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (...args) {
    return keep(new Instance(...args));
  };
  WebAssembly.Instance.prototype = Instance.prototype;
}

async function memory(page, cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
  return { jsUsed: m.JSHeapUsedSize, jsTotal: m.JSHeapTotalSize, wasm, nodes: m.Nodes };
}

/** Sets the hash and waits until `selector` is drawn; the time from the change to the next frame
 *  after it appears. `null` when it did not appear within the timeout. */
async function firstRender(page, hash, selector) {
  await page.evaluate(() => { window.__longTasks = []; });
  const started = await page.evaluate((h) => {
    const t = performance.now();
    location.hash = h;
    return t;
  }, hash);
  try {
    const drawn = await page.waitForFunction(
      (sel) => document.querySelector(sel) && new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
      selector,
      { timeout: RENDER_TIMEOUT, polling: 'raf' },
    );
    const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
    return { ms: (await drawn.jsonValue()) - started, longest };
  } catch (error) {
    return { ms: null, error: error.message.split('\n')[0] };
  }
}

const report = [];
for (const file of files) {
  const count = JSON.parse(fs.readFileSync(file, 'utf8')).documents.length;
  const sizeMb = fs.statSync(file).size / 1048576;
  console.log(`\n== ${count} synthetic plans (${path.basename(file)}, ${sizeMb.toFixed(1)} MB) imported beside the 5 built-in plans`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('crash', () => problems.push('page crashed'));
  await page.addInitScript(instrument);
  await page.goto(`${url}#lang=en`);
  await page.getByTestId('plan-list').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await memory(page, cdp);

  // Import through the panel's "Import workspace file" input.
  await page.getByTestId('add-plan').click();
  await page.getByTestId('workspace-input').evaluate((input) => {
    input.addEventListener('change', () => { window.__changeAt = performance.now(); }, { capture: true, once: true });
  });
  await page.evaluate(() => { window.__longTasks = []; });
  const wallStart = Date.now();
  await page.getByTestId('workspace-input').setInputFiles(file);
  let added = null;
  try {
    const handle = await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=import-message]')].some((m) => /^Added \d+ plans? from/.test(m.innerText)) && performance.now(),
      null,
      { timeout: TIMEOUT, polling: 100 },
    );
    added = (await handle.jsonValue()) - (await page.evaluate(() => window.__changeAt));
  } catch (error) {
    problems.push(`no "Added" message: ${error.message.split('\n')[0]}`);
  }
  const wall = Date.now() - wallStart;
  const importInfo = await page.evaluate(() => ({
    extract: performance.getEntriesByName('plan-compare:import').at(-1)?.duration,
    longest: Math.max(0, ...window.__longTasks),
    // The longest task while the plans were extracted (the app's own slices), apart from reading
    // the file before and drawing every view after.
    longestExtracting: (() => {
      const m = performance.getEntriesByName('plan-compare:import').at(-1);
      if (!m) return null;
      // Tasks that end within it: the one that ends it also adds the plans and draws every view.
      const inside = (window.__longTaskSpans || []).filter(([t, d]) => t >= m.startTime && t + d <= m.startTime + m.duration + 1);
      return Math.max(0, ...inside.map(([, d]) => d));
    })(),
    readFile: performance.getEntriesByName('plan-compare:read-file').at(-1)?.duration,
    messages: [...document.querySelectorAll('[data-testid=import-message]')].map((m) => m.innerText),
    notKept: !!document.querySelector('[data-testid=not-kept]'),
    stored: (localStorage.getItem('plan-compare:imports') || '').length,
  }));
  const afterImport = await memory(page, cdp);
  console.log(`import: change to "Added" ${ms(added)} (wall clock incl. handing the file to the page ${wall} ms); extraction (plan-compare:import) ${ms(importInfo.extract)}; longest task ${ms(importInfo.longest)}`);
  console.log(`panel says: ${importInfo.messages.map((m) => `“${m}”`).join(' ')}`);
  console.log(`"not kept" warning shown: ${importInfo.notKept}; localStorage holds ${importInfo.stored} characters of imports`);
  await page.getByTestId('import-close').click();
  const overviewRows = await page.getByTestId('plan').count();

  // First renders with every plan, and search keystrokes.
  // BENCH_SKIP_VIEWS=1: only the import and the reload (the views take minutes at 1,000 plans).
  const skipViews = process.env.BENCH_SKIP_VIEWS === '1';
  const skipped = { ms: null, error: 'skipped (BENCH_SKIP_VIEWS=1)' };
  const explore = skipViews ? skipped : await firstRender(page, '#view=explore&lang=en', '[data-testid=result]');
  const resultCount = explore.ms == null ? null : await page.getByTestId('result-count').innerText().catch(() => null);
  const keystrokes = [];
  const keystrokesDom = [];
  let typingWall = null;
  if (explore.ms != null) {
    const typingStart = Date.now();
    const typed = await typeQueries(page, ['机器人', '数据', '智能制造', '人才', '2025']);
    keystrokes.push(...typed.drawn);
    keystrokesDom.push(...typed.dom);
    typingWall = Date.now() - typingStart;
    await page.getByTestId('search').fill('');
  }
  const afterExplore = await memory(page, cdp);
  const compare = skipViews ? skipped : await firstRender(page, '#view=compare&lang=en', '[data-testid=view-compare] table');
  const afterCompare = compare.ms == null ? {} : await memory(page, cdp);
  const timeline = compare.ms == null ? { ms: null, error: 'not tried: compare did not draw' } : await firstRender(page, '#view=timeline&lang=en', '[data-testid=timeline-lane]');
  const afterTimeline = timeline.ms == null ? {} : await memory(page, cdp);
  console.log(`overview rows: ${overviewRows}; explore first render ${ms(explore.ms)} (longest task ${ms(explore.longest)}; ${resultCount ?? explore.error})`);
  console.log(`search keystroke (plan-compare:filter): median ${ms(median(keystrokes))}, p95 ${ms(percentile(keystrokes, 95))}, max ${ms(Math.max(...keystrokes))} over ${keystrokes.length} keystrokes; typing 5 queries took ${typingWall} ms`);
  console.log(`search keystroke, old definition (plan-compare:filter-dom, to the first task after the DOM update): median ${ms(median(keystrokesDom))}, p95 ${ms(percentile(keystrokesDom, 95))}, max ${ms(Math.max(...keystrokesDom))}`);
  console.log(`compare first render ${ms(compare.ms)}${compare.error ? ` (${compare.error})` : ''}; timeline first render ${ms(timeline.ms)}${timeline.error ? ` (${timeline.error})` : ''}`);
  const row = (label, m) => console.log(`memory ${label}: JS heap used ${mb(m.jsUsed)} (total ${mb(m.jsTotal)}), wasm memory ${mb(m.wasm)}, DOM nodes ${m.nodes}`);
  row('before import', before);
  row('after import', afterImport);
  row('after explore', afterExplore);
  row('after compare', afterCompare);
  row('after timeline', afterTimeline);

  // Do the plans survive a reload, and how long does start-up take with them stored? Mounted:
  // navigation start to the overview's list drawn (the app usable with the built-in plans);
  // all imports: to the overview listing every plan (or the timeout, when they were not kept).
  await page.goto(`${url}#lang=en`);
  await page.evaluate(() => { sessionStorage.setItem('bench-reload', '1'); });
  await page.reload();
  await page.getByTestId('plan-list').waitFor({ timeout: TIMEOUT });
  const mounted = await page.evaluate(() => performance.now());
  let allImports = null;
  try {
    const handle = await page.waitForFunction(
      // The overview's heading counts the plans (its cards come a page at a time).
      (n) => Number(document.querySelector('#pc-overview-h')?.innerText.match(/\((\d+)\)/)?.[1]) >= n && performance.now(),
      5 + count,
      { timeout: 60_000, polling: 50 },
    );
    allImports = await handle.jsonValue();
  } catch {
    // Not kept: the overview never lists them.
  }
  const startupLongest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  const loadingLongest = await page.evaluate(() => {
    const m = performance.getEntriesByName('plan-compare:load').at(-1);
    if (!m) return null;
    return Math.max(0, ...(window.__longTaskSpans || []).filter(([t, d]) => t >= m.startTime && t + d <= m.startTime + m.duration + 1).map(([, d]) => d));
  });
  const afterReload = await page.evaluate(() => Number(document.querySelector('#pc-overview-h')?.innerText.match(/\((\d+)\)/)?.[1] ?? 0));
  const afterStartup = await memory(page, await context.newCDPSession(page).then(async (c) => { await c.send('Performance.enable'); return c; }));
  const startup = { mounted, allImports, longest: startupLongest, loadingLongest, wasm: afterStartup };
  console.log(`after a reload the overview lists ${afterReload} plans (${afterReload > 5 ? 'imports kept' : 'imports gone'})`);
  console.log(`start-up after the reload: app mounted ${ms(mounted)}, all imports present ${ms(allImports)}, longest task ${ms(startupLongest)}`);
  console.log(`problems: ${problems.length ? problems.join(' | ') : 'none'}`);
  report.push({ count, startup, added, wall, importInfo, explore, keystrokes, compare, timeline, before, afterImport, afterExplore, afterCompare, afterTimeline, overviewRows, afterReload, problems });
  await context.close();
}

// The table of the two sizes.
console.log('\nBrowser (release build, headless Chromium; built-in 5 + imported)');
const col = (f) => report.map((r) => ` ${f(r)}`.padStart(26)).join('');
console.log(`${'measure'.padEnd(52)}${report.map((r) => `${5 + r.count} plans`.padStart(26)).join('')}`);
const line = (label, f) => console.log(`${label.padEnd(52)}${col(f)}`);
line('import: change to "Added"', (r) => ms(r.added));
line('import: extraction (plan-compare:import)', (r) => ms(r.importInfo.extract));
line('import: longest task', (r) => ms(r.importInfo.longest));
line('import: longest task while extracting (not the last)', (r) => ms(r.importInfo.longestExtracting));
line('import: reading the file (one task)', (r) => ms(r.importInfo.readFile));
line('kept after a reload', (r) => (r.importInfo.notKept || r.afterReload <= 5 ? 'no' : 'yes'));
line('start-up after reload: app mounted', (r) => ms(r.startup.mounted));
line('start-up after reload: all imports present', (r) => ms(r.startup.allImports));
line('start-up after reload: longest task', (r) => ms(r.startup.longest));
line('start-up: longest task while extracting (not the last)', (r) => ms(r.startup.loadingLongest));
line('wasm memory after start-up with the store', (r) => mb(r.startup.wasm.wasm));
line('explore first render', (r) => ms(r.explore.ms));
line('search keystroke, median', (r) => ms(median(r.keystrokes)));
line('search keystroke, p95', (r) => ms(percentile(r.keystrokes, 95)));
line('search keystroke, max', (r) => ms(r.keystrokes.length ? Math.max(...r.keystrokes) : NaN));
line('compare first render', (r) => ms(r.compare.ms));
line('timeline first render', (r) => ms(r.timeline.ms));
line('JS heap used after import', (r) => mb(r.afterImport.jsUsed));
line('wasm memory after import', (r) => mb(r.afterImport.wasm));
line('wasm memory after explore', (r) => mb(r.afterExplore.wasm));
line('wasm memory after timeline', (r) => mb(r.afterTimeline.wasm));
line('DOM nodes after explore / compare / timeline', (r) => `${r.afterExplore.nodes ?? '-'} / ${r.afterCompare.nodes ?? '-'} / ${r.afterTimeline.nodes ?? '-'}`);
if (jsonOut) {
  // The largest workspace measured: the budgets are for 1,000 plans.
  const r = report.at(-1);
  const memories = [r.afterImport, r.afterExplore, r.afterCompare, r.afterTimeline, r.startup.wasm].map((m) => m?.wasm).filter((v) => v != null);
  fs.writeFileSync(jsonOut, JSON.stringify({
    plans: 5 + r.count,
    startupAllPlans: r.startup.allImports,
    startupMounted: r.startup.mounted,
    wasmMemoryMaxMB: memories.length ? Math.max(...memories) / 1048576 : null,
    keystrokeP95: r.keystrokes.length ? percentile(r.keystrokes, 95) : null,
    compareFirstRender: r.compare.ms,
    timelineFirstRender: r.timeline.ms,
    problems: r.problems,
  }, null, 2));
}
await browser.close();
server.close();
