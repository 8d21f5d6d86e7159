// Timeline first draw, side by side: our release build's #view=timeline and TimelineJS3 3.9.11 (npm
// @knight-lab/timelinejs, a devDependency) showing the same events, for scripts/bench.sh.
//
// The events come from the product itself: the timeline view's JSON export (export-json in
// data-testid=timeline-export), with the lane and kind names as the view shows them. Each milestone
// becomes one TimelineJS3 event: start_date from its date (year, year-month or year-month-day),
// headline "kind · date", text its quoted sentence, group its plan's lane label.
//
// TimelineJS3 runs as its docs embed it (new TL.Timeline(id, data, options)) with two options only:
// script_path pointing at the local copy (its default is cdn.knightlab.com, which it would fetch its
// locale from) and font '' (its default font CSS loads PT Sans/Serif from fonts.gstatic.com; our app
// uses system fonts too). language 'zh-cn', like our default.
//
// "Drawn" means the same for both: the first animation frame (performance.now() in
// requestAnimationFrame, i.e. just before that frame is painted), in ms since navigation start, in
// which every milestone is in the document and placed where it ends up relative to the others, and
// from which on that placement no longer changes:
// - ours: the <svg data-testid=timeline> with every [data-testid=milestone] of the export in it
//   (placement: their positions on screen);
// - TimelineJS3: one .tl-timemarker per event in the time navigation (placement: the style.left
//   TimelineJS3 gives each marker) and the story slider showing the first event (.tl-slide with a
//   non-empty .tl-headline), which is what TimelineJS3 shows first. Its stylesheet then moves the
//   markers to those places with a 1 s CSS transition; that is not counted (it would flatter us), but
//   the time it ends is printed too.
//
// Both are served by scripts/static-server.mjs on 127.0.0.1 (no-store, uncompressed), each run in a
// new browser context (empty cache), alternating (ours, theirs, ours, …). Any request that is not to
// the local servers is aborted and reported. Prints both medians and the ratio TimelineJS3 ÷ ours
// (goal ≥ 2); with --json FILE also writes them for `bench.sh --check`. BENCH_TIMELINE_DEBUG=1 prints
// each run and saves screenshots to /tmp/bench-timeline-{ours,theirs}.png.
// Usage: node scripts/bench-timeline.mjs [--runs 7] [--json FILE]
import fs from 'node:fs';
import path from 'node:path';
import { median } from './bench-common.mjs';
import { launchBrowser, startServer, ROOT } from '../tests/e2e/harness.mjs';
import { serve } from './static-server.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const runs = Number(arg('--runs', 7));
const jsonOut = arg('--json', null);
const TL_DIR = path.join(ROOT, 'node_modules/@knight-lab/timelinejs');
if (!fs.existsSync(path.join(TL_DIR, 'dist/js/timeline.js'))) {
  console.error('error: node_modules/@knight-lab/timelinejs not found; run: npm ci');
  process.exit(1);
}
const TL_VERSION = JSON.parse(fs.readFileSync(path.join(TL_DIR, 'package.json'), 'utf8')).version;
const viewport = { width: 1280, height: 900 };

const browser = await launchBrowser();
const ours = await startServer();

// 1. The events the product shows on its timeline.
async function productTimeline() {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${ours.url}#view=timeline`);
  await page.getByTestId('timeline').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('timeline-export').getByTestId('export-json').click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  // Lane labels (the first text of each lane) and each milestone's accessible name
  // ("plan · kind · date: quote"), in the order the view draws them.
  const shown = await page.evaluate(() => ({
    lanes: Object.fromEntries(
      [...document.querySelectorAll('[data-testid=timeline-lane]')].map((g) => [g.dataset.planId, g.querySelector('text')?.textContent.trim()]),
    ),
    milestones: [...document.querySelectorAll('[data-testid=milestone]')].map((m) => m.getAttribute('aria-label')),
  }));
  await context.close();
  return { exported, shown };
}

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The export's milestones as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html). */
function toTimelineJs({ exported, shown }) {
  // The kind's name as the view shows it, from the milestone's accessible name.
  const kindName = {};
  for (const label of shown.milestones) {
    const parts = label.split(' · ');
    const m = exported.milestones.find((e) => label.endsWith(`${e.date}: ${e.quote}`) && !kindName[e.kind]);
    if (m && parts.length >= 3) kindName[m.kind] = parts[1];
  }
  const events = exported.milestones.map((m, i) => {
    const [year, month, day] = m.date.split('-').map(Number);
    const start_date = { year };
    if (month) start_date.month = month;
    if (day) start_date.day = day;
    return {
      start_date,
      text: { headline: escapeHtml(`${kindName[m.kind] || m.kind} · ${m.date}`), text: `<p>${escapeHtml(m.quote)}</p>` },
      group: shown.lanes[m.plan] || m.plan,
      unique_id: `e${i}-${m.plan}-${m.kind}-${m.date}`.replace(/[^A-Za-z0-9_-]/g, '-'),
    };
  });
  return { events };
}

const product = await productTimeline();
const events = product.exported.milestones.length;
const data = toTimelineJs(product);
if (process.env.BENCH_TIMELINE_DEBUG) console.log(JSON.stringify(data.events.slice(0, 3)));
// The same height as TimelineJS3's own embed default; the product's timeline fits in its view.
const page = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TimelineJS3 ${TL_VERSION}</title>
<link rel="stylesheet" href="/dist/css/timeline.css">
<script src="/dist/js/timeline.js"></script>
</head>
<body style="margin:0">
<div id="timeline-embed" style="width:100%;height:650px"></div>
<script>
window.timeline = new TL.Timeline('timeline-embed', ${JSON.stringify(data)}, { language: 'zh-cn', font: '', script_path: new URL('/dist/js/', location.href).href });
</script>
</body>
</html>`;
const theirs = await serve({ dir: TL_DIR, routes: { '/timelinejs.html': { type: 'text/html; charset=utf-8', body: page } } });

// 2. Installed before any script of the page. Once every element is in the document (checked on
// every DOM change), records on each animation frame (performance.now() in requestAnimationFrame:
// just before that frame is painted) where the milestones are relative to the first one. The frame
// that counts is the first from which they no longer move relative to one another: TimelineJS3 adds
// its markers first and positions them on a later frame, once it sees its container's size.
function observeDrawn({ which, events }) {
  const items = which === 'ours' ? 'svg[data-testid=timeline] [data-testid=milestone]' : '.tl-timenav .tl-timemarker';
  const drawn = which === 'ours'
    ? () => document.querySelectorAll(items).length === events
    : () => {
        const slide = document.querySelector('.tl-storyslider .tl-slide .tl-headline');
        return document.querySelectorAll(items).length === events && slide && slide.textContent.trim() !== '';
      };
  const relative = (xs) => xs.map((x) => Math.round(x - xs[0])).join(',');
  // Where the page has put each milestone: ours are SVG shapes, at their place as soon as they are
  // drawn; TimelineJS3 sets each marker's style.left, towards which its stylesheet then moves it
  // with a 1 s CSS transition.
  const placed = () => (which === 'ours'
    ? relative([...document.querySelectorAll(items)].map((m) => m.getBoundingClientRect().left))
    : relative([...document.querySelectorAll(items)].map((m) => parseFloat(m.style.left) || 0)));
  // Where each milestone is on the screen (during TimelineJS3's transition: on its way).
  const shown = () => relative([...document.querySelectorAll(items)].map((m) => m.getBoundingClientRect().left));
  window.__frames = [];
  const frame = () => {
    window.__frames.push({ t: performance.now(), placed: placed(), shown: shown() });
    if (!window.__stop) requestAnimationFrame(frame);
  };
  const observer = new MutationObserver(() => {
    if (window.__domDrawn !== undefined || !drawn()) return;
    window.__domDrawn = performance.now();
    observer.disconnect();
    requestAnimationFrame(frame);
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** For `placed` and `shown`: the first recorded frame from which the layout stays what it finally is. */
function settled() {
  window.__stop = true;
  const frames = window.__frames;
  const first = (key) => {
    let i = frames.length - 1;
    while (i > 0 && frames[i - 1][key] === frames[i][key]) i--;
    return frames[i].t;
  };
  return { drawn: first('placed'), shown: first('shown'), dom: window.__domDrawn };
}

const offsite = new Set();
async function once(which) {
  const context = await browser.newContext({ viewport });
  await context.route(/.*/, (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    offsite.add(u.origin);
    return route.abort();
  });
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(e.message));
  await p.addInitScript(observeDrawn, { which, events });
  await p.goto(which === 'ours' ? `${ours.url}#view=timeline` : `${theirs.url}timelinejs.html`);
  await p.waitForFunction(() => window.__domDrawn !== undefined, null, { timeout: 30000 });
  // Long enough for TimelineJS3 to position its markers (it does so on the frame after it is added).
  await p.waitForTimeout(1500);
  const t = await p.evaluate(settled);
  if (process.env.BENCH_TIMELINE_DEBUG) {
    console.log(which, JSON.stringify(t));
    await p.screenshot({ path: `/tmp/bench-timeline-${which}.png` });
  }
  if (problems.length) console.error(`${which}: page errors: ${problems.join('; ')}`);
  await context.close();
  return t;
}

const times = { ours: [], theirs: [] };
const theirsShown = [];
for (let i = 0; i < runs; i++) {
  for (const which of ['ours', 'theirs']) {
    const t = await once(which);
    times[which].push(t.drawn);
    if (which === 'theirs') theirsShown.push(t.shown);
  }
}
await browser.close();
ours.server.close();
theirs.server.close();

const fmt = (v) => `${v.toFixed(0)} ms`;
const result = { events, runs, ours: median(times.ours), timelinejs: median(times.theirs) };
result.ratio = result.timelinejs / result.ours;
console.log(`timeline drawn (${events} events, ${runs} runs each, alternating): ours median ${fmt(result.ours)} [${times.ours.map(fmt).join(', ')}]`);
console.log(`timeline drawn: TimelineJS3 ${TL_VERSION} median ${fmt(result.timelinejs)} [${times.theirs.map(fmt).join(', ')}]`);
console.log(`timeline drawn: TimelineJS3 ${TL_VERSION} with its markers' 1 s entrance transition finished (not counted): median ${fmt(median(theirsShown))}`);
console.log(`timeline drawn: TimelineJS3 ÷ ours = ${result.ratio.toFixed(2)} (goal ≥ 2)`);
if (offsite.size) console.log(`timeline: blocked requests to ${[...offsite].join(', ')}`);
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ ...result, samples: times }, null, 2));
