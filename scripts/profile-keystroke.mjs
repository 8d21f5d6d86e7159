// Where a search keystroke's time goes: types queries into Explore (as bench-browser.mjs does) with a
// Chrome DevTools Protocol trace running, then splits the main thread's time per keystroke by trace
// event (self time: script, style, layout, paint, …), inside the app's `plan-compare:filter` measure
// and from its start to the end of the next frame the keystroke was drawn in.
//
//   node scripts/profile-keystroke.mjs [--workspace FILE] [--trace OUT.json] [--keys N]
//
// --workspace imports a workspace file (e.g. plan-synth's 1,000 plans) first; --trace keeps the raw
// trace (open it in DevTools' Performance panel). A development tool, not a benchmark.
import fs from 'node:fs';
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const workspace = opt('--workspace');
const traceOut = opt('--trace');
const css = opt('--css');
const queries = ['机器人', '数据', '智能制造', '人才', '2025', '算力'];

const browser = await launchBrowser();
const { server, url } = await startServer();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(`${url}#lang=en`);
await page.getByTestId('plan-list').waitFor();
if (workspace) {
  await page.getByTestId('add-plan').click();
  await page.getByTestId('workspace-input').setInputFiles(workspace);
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid=import-message]')].some((m) => /^Added \d+ plans? from/.test(m.innerText)),
    null,
    { timeout: 600_000, polling: 200 },
  );
  await page.getByTestId('import-close').click();
}
await page.evaluate(() => { location.hash = '#view=explore&lang=en'; });
await page.getByTestId('result').first().waitFor({ timeout: 600_000 });
if (css) await page.addStyleTag({ content: css });
await page.waitForTimeout(500);
console.log(`DOM nodes: ${await page.evaluate(() => document.getElementsByTagName('*').length)}`);

const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {
  transferMode: 'ReportEvents',
  traceConfig: {
    includedCategories: [
      'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
      'blink.user_timing', 'toplevel', 'v8.execute', 'blink', 'cc', 'gpu', 'viz',
    ],
  },
});
for (const query of queries) {
  await page.getByTestId('search').fill('');
  await page.waitForTimeout(100);
  await page.getByTestId('search').pressSequentially(query, { delay: 60 });
  await page.waitForTimeout(150);
}
await cdp.send('Tracing.end');
await done;
if (traceOut) fs.writeFileSync(traceOut, JSON.stringify({ traceEvents: events }));
const measures = await page.evaluate(() => performance.getEntriesByName('plan-compare:filter').map((e) => e.duration));
await browser.close();
server.close();

// The renderer's main thread.
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name?.startsWith('plan-compare:filter')));
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
const starts = onMain.filter((e) => e.name.startsWith('plan-compare:filter:start')).map((e) => e.ts).sort((a, b) => a - b);
const ends = onMain.filter((e) => e.name === 'plan-compare:filter:end').map((e) => e.ts).sort((a, b) => a - b);
// Frames the renderer's compositor presented/drew (any thread of the renderer process).
const frameEnds = events
  .filter((e) => e.pid === main.pid && (e.name === 'Commit' || e.name === 'PaintImage' || e.name === 'Paint') && e.ph === 'X')
  .map((e) => e.ts + (e.dur ?? 0))
  .sort((a, b) => a - b);

// Complete events on the main thread as intervals; self time per name.
const spans = [];
const open = [];
for (const e of onMain.sort((a, b) => a.ts - b.ts)) {
  if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, data: e.args });
  else if (e.ph === 'B') open.push(e);
  else if (e.ph === 'E') {
    const b = open.pop();
    if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts, data: b.args });
  }
}
spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
function selfTimes(from, to) {
  const out = new Map();
  const stack = [];
  const add = (name, d) => out.set(name, (out.get(name) ?? 0) + d);
  // Walk spans clipped to [from, to]; self = own duration minus children.
  const clipped = spans.filter((s) => s.end > from && s.ts < to).map((s) => ({ ...s, ts: Math.max(s.ts, from), end: Math.min(s.end, to), child: 0 }));
  for (const s of clipped) {
    while (stack.length && stack.at(-1).end <= s.ts) {
      const top = stack.pop();
      add(top.name, top.end - top.ts - top.child);
    }
    if (stack.length) stack.at(-1).child += s.end - s.ts;
    stack.push(s);
  }
  while (stack.length) {
    const top = stack.pop();
    add(top.name, top.end - top.ts - top.child);
  }
  return out;
}
const CATEGORY = (name) => {
  if (/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet|InvalidateLayout|StyleInvalidator)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayout|IntersectionObserverController|ResizeObserver)/.test(name)) return 'layout';
  if (/^(PrePaint|Paint|Layerize|Commit|UpdateLayer|CompositeLayers|PaintImage|RasterTask|Decode|LocalFrameView::RunPostLifecycleSteps|UpdateLayerTree|LayerTreeHostImpl)/.test(name)) return 'paint/composite';
  if (/^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|GCEvent|MinorGC|MajorGC|BlinkGC|CppGC)/.test(name)) return 'script';
  if (/^(ThreadControllerImpl::RunTask|RunTask|ProxyMain|Scheduler|SimpleWatcher|MojoBinding|Receive mojo)/.test(name)) return 'task (other)';
  return 'other';
};
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
function report(label, windows) {
  const total = new Map();
  const byCat = new Map();
  for (const [from, to] of windows) {
    for (const [name, d] of selfTimes(from, to)) {
      total.set(name, (total.get(name) ?? 0) + d);
      byCat.set(CATEGORY(name), (byCat.get(CATEGORY(name)) ?? 0) + d);
    }
  }
  const n = windows.length;
  const wall = windows.reduce((a, [f, t]) => a + (t - f), 0) / n / 1000;
  console.log(`\n${label}: ${n} keystrokes, mean wall ${wall.toFixed(1)} ms, mean main-thread busy ${(sum(total) / n / 1000).toFixed(1)} ms`);
  for (const [cat, d] of [...byCat].sort((a, b) => b[1] - a[1])) console.log(`  ${cat.padEnd(16)} ${(d / n / 1000).toFixed(2)} ms`);
  console.log('  top events (self time, mean per keystroke):');
  for (const [name, d] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`    ${name.padEnd(44)} ${(d / n / 1000).toFixed(2)} ms  [${CATEGORY(name)}]`);
}
const measured = starts.map((s) => [s, ends.find((e) => e > s)]).filter(([, e]) => e !== undefined);
report('inside the plan-compare:filter measure', measured);
// From the keystroke to the end of the first frame after the measure ended (what the user waits for).
const toFrame = measured.map(([s, e]) => [s, frameEnds.find((f) => f > e) ?? e]);
report('keystroke to the next frame drawn after it', toFrame);
// Forced layouts: Layout/UpdateLayoutTree inside script.
let forced = 0;
for (const [s, e] of measured) {
  forced += spans.filter((x) => (x.name === 'Layout' || x.name === 'UpdateLayoutTree') && x.ts >= s && x.end <= e && spans.some((f) => f.name === 'FunctionCall' && f.ts <= x.ts && f.end >= x.end)).length;
}
console.log(`\nstyle/layout run inside script (forced) within the measure: ${forced} over ${measured.length} keystrokes`);
const sorted = [...measures].sort((a, b) => a - b);
console.log(`plan-compare:filter: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.ceil(0.95 * sorted.length) - 1].toFixed(1)} ms over ${sorted.length} (trace on)`);
