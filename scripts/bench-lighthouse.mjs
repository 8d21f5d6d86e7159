// Lighthouse (npm `lighthouse`, a devDependency) desktop scores of the release build, for
// scripts/bench.sh: performance, accessibility, best practices and SEO of every view
// (#view=overview|explore|compare|timeline|reader), in the system Chromium (headless, the flags of
// tests/e2e/harness.mjs). Lighthouse's desktop preset: simulated throttling (40 ms RTT, 10 Mbit/s,
// no CPU slowdown), 1350×940 screen.
//
// dist/ is served on 127.0.0.1 the way a production host would serve it: brotli-compressed when the
// browser accepts it (the first-visit budget counts brotli bytes too) and with the
// Content-Security-Policy the README recommends. Nothing is fetched from the network.
//
// Prints one line per view with its four scores (as Lighthouse shows them: round(score × 100)) and
// the audits that cost points; with --json FILE also writes them for `bench.sh --check`. If
// Lighthouse cannot be loaded or Chromium cannot be started, prints why and writes {"skipped": why}.
// Usage: node scripts/bench-lighthouse.mjs [--json FILE] [--views overview,explore]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from '../tests/e2e/harness.mjs';

// Chromium as tests/e2e/harness.mjs launches it, headless.
const CHROMIUM_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const jsonOut = arg('--json', null);
const views = arg('--views', 'overview,explore,compare,timeline,reader').split(',');

function skip(reason) {
  console.log(`lighthouse: SKIPPED (${reason})`);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ skipped: reason }));
  process.exit(0);
}

if (!fs.existsSync(path.join(DIST, 'index.html'))) skip('dist/index.html not found: build first with bash scripts/build.sh');
if (!fs.existsSync(CHROMIUM)) skip(`no Chromium at ${CHROMIUM}`);
let lighthouse, desktopConfig, chromeLauncher;
try {
  lighthouse = (await import('lighthouse')).default;
  desktopConfig = (await import('lighthouse/core/config/desktop-config.js')).default;
  // chrome-launcher is Lighthouse's own dependency (installed with it), as Lighthouse's docs use it.
  chromeLauncher = await import('chrome-launcher');
} catch (err) {
  skip(`the lighthouse package cannot be loaded (${err.message.split('\n')[0]}); run: npm ci`);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm' };
const compressed = new Map();
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = path.resolve(DIST, rel);
  if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const headers = {
    'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'content-security-policy': CSP,
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
  };
  let body = fs.readFileSync(file);
  if (/\bbr\b/.test(req.headers['accept-encoding'] || '')) {
    if (!compressed.has(file)) {
      compressed.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    body = compressed.get(file);
    headers['content-encoding'] = 'br';
  }
  res.writeHead(200, headers).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

let chrome;
try {
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
} catch (err) {
  server.close();
  skip(`Chromium did not start for Lighthouse: ${err.message.split('\n')[0]}`);
}

const results = { views: {} };
try {
  for (const view of views) {
    const url = `${base}#view=${view}`;
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, desktopConfig);
    const { lhr } = run;
    if (lhr.runtimeError) throw new Error(`${view}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score]));
    // The audits that cost points: weighted, scored below 1.
    const costly = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          costly.push(`${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
      .map((id) => `${id.split('-').map((w) => w[0].toUpperCase()).join('')} ${lhr.audits[id]?.displayValue ?? '?'}`)
      .join(', ');
    results.views[view] = { ...scores, costly, metrics };
    const shown = CATEGORIES.map((c) => `${c} ${Math.round(scores[c] * 100)}`).join(', ');
    console.log(`lighthouse desktop #view=${view}: ${shown}; ${metrics}${costly.length ? `; costs points: ${costly.join(', ')}` : ''}`);
  }
} catch (err) {
  results.skipped = `Lighthouse failed: ${err.message.split('\n')[0]}`;
  console.log(`lighthouse: SKIPPED (${results.skipped})`);
} finally {
  chrome.kill();
  server.close();
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
