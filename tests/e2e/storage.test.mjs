// Keeping imported plans at scale: a synthetic workspace larger than one localStorage value
// (about 5.23 M characters) is imported with a progress status, kept in IndexedDB and read back
// after a reload, in the same order and with the same texts; a store left in localStorage by an
// earlier version is moved into IndexedDB; IndexedDB refusing a write, and an unreadable record,
// are reported and lose nothing.
//
// Needs the synthetic generator (crates/plan-synth), built by scripts/test.sh:
//   cargo build --release -p plan-synth --bin plan-synth
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, ROOT } from './harness.mjs';

const env = useBrowser();
const GBK = path.join(ROOT, 'tests/e2e/fixtures/南山区实施方案-gbk.txt');
// The largest value one localStorage key held in Chromium, measured (docs/synthetic-plans.md).
const LOCAL_STORAGE_LIMIT = 5_234_375;
// Enough synthetic plans that their store is past that limit (about 9,260 characters each).
const LARGE = 600;
const SYNTH = process.env.PLAN_SYNTH_BIN
  || path.join(process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache/plan-compare/target'), 'release/plan-synth');
let scratch;
let largeWorkspace;

before(() => {
  if (!fs.existsSync(SYNTH)) {
    throw new Error(`${SYNTH} not found: build it with cargo build --release -p plan-synth --bin plan-synth (scripts/test.sh does)`);
  }
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-compare-storage-'));
  largeWorkspace = path.join(scratch, `synthetic-${LARGE}.json`);
  execFileSync(SYNTH, ['--count', String(LARGE), '--seed', '7', '--workspace', largeWorkspace], { stdio: 'ignore' });
});
after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** Records every text the extraction progress status shows, in `window.__progress`. */
function recordProgress() {
  window.__progress = [];
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid=import-progress] [role=status]');
    if (status && window.__progress.at(-1) !== status.textContent) window.__progress.push(status.textContent);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function newPage(init) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  if (init) await context.addInitScript(init);
  await context.addInitScript(recordProgress);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`); });
  await page.goto(`${env.url}#lang=en`);
  await page.getByTestId('plan-list').waitFor();
  return page;
}

const allMessages = (page) => page.evaluate(() => [...document.querySelectorAll('[data-testid=import-message], [data-testid=notice]')].map((m) => m.innerText));
async function waitForMessage(page, pattern, timeout = 10000) {
  await page.waitForFunction((source) => [...document.querySelectorAll('[data-testid=import-message], [data-testid=notice]')].some((m) => new RegExp(source).test(m.innerText)), pattern.source, { timeout })
    .catch(async () => { throw new Error(`no message ${pattern}: ${(await allMessages(page)).join(' | ')}`); });
}

/** Waits until the overview lists `count` plans (its heading counts them; the cards come a page
 *  at a time). */
async function waitForPlans(page, count, timeout = 10000) {
  await page.waitForFunction((n) => document.querySelector('#pc-overview-h')?.innerText.includes(`(${n})`), count, { timeout })
    .catch(async () => { throw new Error(`expected ${count} plans, the overview says ${await page.locator('#pc-overview-h').innerText()}`); });
}

const planIds = (page) => page.evaluate(() => [...document.querySelectorAll('[data-testid=plan]')].map((p) => p.dataset.planId));

/** The records of the app's IndexedDB store `name` (see assets/boot.js). */
function idbRecords(page, name) {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const open = indexedDB.open('plan-compare');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => { resolve(request.result); open.result.close(); };
      request.onerror = () => reject(request.error);
    };
  }), name);
}

async function openPanel(page) {
  await page.getByTestId('add-plan').click();
  await page.getByTestId('import-panel').waitFor();
}

test(`${LARGE} plans past the old localStorage limit: progress while importing, kept after a reload, read back the same`, async () => {
  const original = JSON.parse(fs.readFileSync(largeWorkspace, 'utf8'));
  assert.equal(original.documents.length, LARGE);
  // What the earlier localStorage store would have had to hold: more than one value can.
  assert.ok(JSON.stringify(original, null, 2).length > LOCAL_STORAGE_LIMIT);

  const page = await newPage();
  await openPanel(page);
  await page.getByTestId('workspace-input').setInputFiles(largeWorkspace);
  await waitForMessage(page, new RegExp(`^Added ${LARGE} plans from “synthetic-${LARGE}\\.json”; 0 were already there`), 120000);
  const importing = await page.evaluate(() => window.__progress);
  assert.ok(importing.some((t) => new RegExp(`^Extracting \\d+ of ${LARGE} plans…$`).test(t) && !t.startsWith('Extracting 0 ')), `progress while importing: ${importing.join(' | ')}`);
  assert.equal(await page.getByTestId('import-progress').count(), 0, 'the status goes once the plans are in');
  assert.equal(await page.getByTestId('not-kept').count(), 0);
  assert.doesNotMatch((await allMessages(page)).join(' '), /storage is full|not available/);
  await page.getByTestId('import-close').click();
  await waitForPlans(page, 5 + LARGE);
  // The first page of cards: the built-in plans, then the imports in the file's order (the
  // export below checks the order of all of them).
  const before = await planIds(page);
  assert.deepEqual(before.slice(5), original.documents.slice(0, before.length - 5).map((d) => d.id));

  await page.reload();
  await page.getByTestId('plan-list').waitFor();
  await waitForPlans(page, 5 + LARGE, 120000);
  const loading = await page.evaluate(() => window.__progress);
  assert.ok(loading.some((t) => new RegExp(`^Extracting \\d+ of ${LARGE} plans…$`).test(t)), `progress at start-up: ${loading.join(' | ')}`);
  assert.deepEqual(await planIds(page), before);
  assert.equal((await idbRecords(page, 'imports')).length, LARGE);
  assert.equal(await page.evaluate(() => localStorage.getItem('plan-compare:imports')), null);

  // The texts come back whole: the exported workspace has every document as imported.
  await openPanel(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workspace').click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const fields = (d) => [d.id, d.file_name, d.text];
  assert.deepEqual(exported.documents.map(fields), original.documents.map(fields));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a store left in localStorage by an earlier version is moved into IndexedDB and read back', async () => {
  const text = fs.readFileSync(largeWorkspace, 'utf8');
  const documents = JSON.parse(text).documents.slice(0, 3);
  const earlier = JSON.stringify({ schema: 'plan-compare-workspace/1', documents }, null, 2);
  // Written in the page before the app starts, once (not again on the reload).
  const page = await newPage(`if (!sessionStorage.getItem('seeded')) {
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('plan-compare:imports', ${JSON.stringify(earlier)});
  }`);
  await waitForPlans(page, 8);
  await page.waitForFunction(() => localStorage.getItem('plan-compare:imports') === null);
  assert.deepEqual((await planIds(page)).slice(5), documents.map((d) => d.id));
  assert.equal((await idbRecords(page, 'imports')).length, 3);
  await page.reload();
  await waitForPlans(page, 8);
  assert.deepEqual((await planIds(page)).slice(5), documents.map((d) => d.id));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('IndexedDB refusing the write: a clear message, and the plan stays usable for the session', async () => {
  const page = await newPage(() => {
    IDBObjectStore.prototype.add = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await openPanel(page);
  await page.getByTestId('file-input').setInputFiles(GBK);
  await waitForMessage(page, /storage is full or refused the write/);
  await page.getByTestId('not-kept').waitFor();
  await page.getByTestId('import-close').click();
  await waitForPlans(page, 6);
  await page.reload();
  await page.getByTestId('plan-list').waitFor();
  // Nothing was stored, so nothing comes back; and nothing was half-written.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=plan]').length === 5);
  assert.equal((await idbRecords(page, 'imports')).length, 0);
  await page.context().close();
});

test('an unreadable IndexedDB record is set aside with a notice, the others still load', async () => {
  const page = await newPage();
  await openPanel(page);
  await page.getByTestId('file-input').setInputFiles(GBK);
  await waitForMessage(page, /Added “南山区实施方案-gbk\.txt”/);
  // A record damaged after it was written.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('plan-compare');
    open.onsuccess = () => {
      const tx = open.result.transaction('imports', 'readwrite');
      tx.objectStore('imports').add({ id: 'damaged', doc: '{"id":"damaged","text":' });
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await waitForMessage(page, /could not be read; they were set aside in browser storage as “plan-compare:imports:unreadable:/);
  await waitForPlans(page, 6);
  const aside = await idbRecords(page, 'unreadable');
  assert.deepEqual(aside, [{ id: 'damaged', doc: '{"id":"damaged","text":' }]);
  assert.equal((await idbRecords(page, 'imports')).length, 1);
  // Set aside once: the next start reads the store cleanly.
  await page.reload();
  await waitForPlans(page, 6);
  assert.doesNotMatch((await allMessages(page)).join(' '), /could not be read/);
  await page.context().close();
});

/** Rewrites the `plan` field of the app's import records: `change(records)` returns the new
 *  `plan` of each record, in the store's order (see assets/boot.js). */
function rewriteKeptPlans(page, change) {
  return page.evaluate((source) => new Promise((resolve, reject) => {
    // eslint-disable-next-line no-new-func
    const newPlans = new Function('records', `return (${source})(records);`);
    const open = indexedDB.open('plan-compare');
    open.onsuccess = () => {
      const tx = open.result.transaction('imports', 'readwrite');
      const store = tx.objectStore('imports');
      const keys = store.getAllKeys();
      const records = store.getAll();
      records.onsuccess = () => {
        const plans = newPlans(records.result);
        records.result.forEach((record, i) => store.put({ ...record, plan: plans[i] }, keys.result[i]));
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), change.toString());
}

const cardTitles = (page) => page.evaluate(() => [...document.querySelectorAll('[data-testid=plan]')].slice(5)
  .map((card) => card.querySelector('h3 [lang]').textContent));
/** The version each import record's kept extraction is stamped with ('' when it has none). */
const keptVersions = async (page) => (await idbRecords(page, 'imports'))
  .map((r) => (r.plan ? new TextDecoder().decode(r.plan.slice(0, 16)) : ''));

test('imports are read back from their kept extraction; one of another version, or none, is extracted again and kept', async () => {
  const text = fs.readFileSync(largeWorkspace, 'utf8');
  const documents = JSON.parse(text).documents.slice(0, 3);
  const small = path.join(scratch, 'three.json');
  fs.writeFileSync(small, JSON.stringify({ schema: 'plan-compare-workspace/1', documents }));
  const page = await newPage();
  await openPanel(page);
  await page.getByTestId('workspace-input').setInputFiles(small);
  await waitForMessage(page, /^Added 3 plans/);
  await page.getByTestId('import-close').click();
  await waitForPlans(page, 8);
  const titles = await cardTitles(page);
  assert.equal(new Set(titles).size, 3, `three different titles: ${titles}`);
  // Each record keeps its plan's extraction, stamped with one version of the code.
  const versions = await keptVersions(page);
  assert.equal(versions.length, 3);
  assert.match(versions[0], /^[0-9a-f]{16}$/);
  assert.ok(versions.every((v) => v === versions[0]), versions.join(' '));

  // What is shown after a reload is the kept extraction, not a new one: with the first two
  // records' extractions swapped, their cards swap titles (each over the other's text).
  await rewriteKeptPlans(page, (records) => [records[1].plan, records[0].plan, records[2].plan]);
  await page.reload();
  await waitForPlans(page, 8);
  assert.deepEqual(await cardTitles(page), [titles[1], titles[0], titles[2]]);

  // Another version's extraction, or none, is not used: the text is extracted again, and the new
  // extraction is kept for the next start-up.
  await rewriteKeptPlans(page, (records) => {
    const otherVersion = records[2].plan.slice();
    otherVersion.set(new TextEncoder().encode('0000000000000000'));
    return [undefined, undefined, otherVersion];
  });
  await page.reload();
  await waitForPlans(page, 8);
  assert.deepEqual(await cardTitles(page), titles);
  for (let i = 0; i < 50 && (await keptVersions(page)).join() !== versions.join(); i++) await page.waitForTimeout(100);
  assert.deepEqual(await keptVersions(page), versions);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
