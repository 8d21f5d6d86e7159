// A library of 1,005 plans (the five built-in and 1,000 synthetic ones from crates/plan-synth,
// imported through the Add-a-plan panel like a user's workspace file) works in every view:
// Overview pages its cards, Compare picks plans by province and search and draws a window of
// columns, Timeline draws only the lanes in view and scrolls to the last one, Explore searches,
// Reader opens a synthetic plan, all with no console error. Timings are not checked here (these
// machines are noisy; scripts/bench-scale.sh measures them): only that each view stays bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBrowser, openPage, ROOT } from './harness.mjs';

const env = useBrowser();
const COUNT = 1000;
const TOTAL = COUNT + 5;
let page;
let loading;

/** The page with the 1,000 plans imported, made once for all the tests below. */
function loaded() {
  loading ??= load();
  return loading;
}

async function load() {
  // The generator is deterministic: seed 1 gives the same 1,000 plans on every machine.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-compare-scale-'));
  const workspace = path.join(dir, 'workspace-1000.json');
  // scripts/test.sh builds the generator and names it; run alone, cargo builds it.
  const run = process.env.PLAN_SYNTH_BIN
    ? spawnSync(process.env.PLAN_SYNTH_BIN, ['--count', String(COUNT), '--seed', '1', '--workspace', workspace], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] })
    : spawnSync('cargo', ['run', '--quiet', '--release', '-p', 'plan-synth', '--', '--count', String(COUNT), '--seed', '1', '--workspace', workspace], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  assert.equal(run.status, 0, `plan-synth failed: ${run.stderr}`);
  page = await openPage(env.browser, `${env.url}#lang=en`);
  await page.getByTestId('main').waitFor();
  await page.getByTestId('add-plan').click();
  await page.getByTestId('workspace-input').setInputFiles(workspace);
  await page.waitForFunction(
    (count) => [...document.querySelectorAll('[data-testid=import-message]')].some((m) => m.innerText.startsWith(`Added ${count} plans`)),
    COUNT,
    { timeout: 240_000, polling: 250 },
  );
}

async function show(hash, testid) {
  await loaded();
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.getByTestId(testid).waitFor({ timeout: 60_000 });
}

test('overview: 1,005 plans, drawn 24 at a time, paged', async () => {
  await show('#view=overview&lang=en', 'view-overview');
  assert.match(await page.locator('#pc-overview-h').innerText(), new RegExp(`\\(${TOTAL}\\)`));
  assert.equal(await page.getByTestId('plan').count(), 24);
  const pager = page.getByTestId('overview-pager');
  assert.equal(await pager.getByTestId('pager-range').innerText(), `1–24 of ${TOTAL}`);
  await pager.getByTestId('pager-next').click();
  assert.equal(await pager.getByTestId('pager-range').innerText(), `25–48 of ${TOTAL}`);
  assert.equal(await page.getByTestId('plan').count(), 24);
  // The synthetic plans say what they are.
  assert.match(await page.getByTestId('plan-list').innerText(), /synthetic-0020/);
});

test('compare: the picker groups by province and searches; columns come 8 at a time', async () => {
  await show('#view=compare&lang=en', 'view-compare');
  const picker = page.getByTestId('compare-plans');
  assert.equal(await picker.getByTestId('picker-summary').innerText(), `All ${TOTAL} plans chosen`);
  const provinces = await picker.getByTestId('picker-group').count();
  assert.ok(provinces >= 25, `${provinces} province groups`);
  // Collapsed: no plan rows are drawn until a province is opened or searched.
  assert.equal(await picker.locator('input[data-key]').count(), 0);
  // Only 8 plan columns are drawn of 1,005, with a pager.
  assert.equal(await page.locator('[data-testid=matrix] thead th').count(), 1 + 8);
  assert.equal(await page.getByTestId('compare-pager').getByTestId('pager-range').innerText(), `1–8 of ${TOTAL}`);
  await page.getByTestId('compare-pager').getByTestId('pager-next').click();
  assert.equal(await page.getByTestId('compare-pager').getByTestId('pager-range').innerText(), `9–16 of ${TOTAL}`);

  // Search the picker, then compare one province's plans only.
  await picker.getByTestId('picker-search').fill('Zhejiang');
  const groups = picker.getByTestId('picker-group');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=compare-plans] [data-testid=picker-group]').length === 1);
  assert.equal(await groups.getAttribute('data-province'), '浙江省');
  const inProvince = await groups.locator('input[data-key]').count();
  assert.ok(inProvince > 5, `${inProvince} Zhejiang plans`);
  // Keep only what the search found: the URL names exactly those plans.
  await picker.getByTestId('picker-only').click();
  await page.waitForFunction(() => /plans=/.test(location.hash));
  const chosen = decodeURIComponent(await page.evaluate(() => location.hash)).match(/plans=([^&]*)/)[1].split(',');
  assert.equal(chosen.length, inProvince, 'the hash names every Zhejiang plan');
  assert.equal(await picker.getByTestId('picker-summary').innerText(), `${inProvince} of ${TOTAL} plans chosen`);
  assert.equal(await page.locator('[data-testid=matrix] thead th').count(), 1 + Math.min(8, inProvince));
  // "Choose all" goes back to every plan, written as no plans= at all.
  await picker.getByTestId('picker-all').click();
  await page.waitForFunction(() => !/plans=/.test(location.hash));
  assert.equal(await picker.getByTestId('picker-summary').innerText(), `All ${TOTAL} plans chosen`);
});

test('timeline: only the lanes in view are drawn, and scrolling reaches the last plan', async () => {
  await show('#view=timeline&lang=en', 'view-timeline');
  const drawn = await page.getByTestId('timeline-lane').count();
  assert.ok(drawn > 5 && drawn < 60, `${drawn} lanes drawn of ${TOTAL}`);
  // The SVG is as tall as every lane, so the scroll bar is true.
  const height = Number(await page.getByTestId('timeline').getAttribute('height'));
  assert.ok(height > TOTAL * 40, `chart height ${height}`);
  const before = await page.getByTestId('timeline-lane').evaluateAll((lanes) => lanes.map((l) => l.getAttribute('data-plan-id')));
  await page.getByTestId('timeline-scroller').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  // Scrolled to the end: the lanes drawn are the last ones (the last lane's label sits at the
  // bottom of the chart), none of the first ones, and still only a few.
  await page.waitForFunction((h) => {
    const labels = [...document.querySelectorAll('[data-testid=timeline-lane] text')];
    return labels.length > 0 && labels.length < 60 && Number(labels.at(-1).getAttribute('y')) > h - 60;
  }, height, { timeout: 20_000 });
  const after = await page.getByTestId('timeline-lane').evaluateAll((lanes) => lanes.map((l) => l.getAttribute('data-plan-id')));
  assert.ok(after.every((id) => !before.includes(id)), 'other lanes are drawn after scrolling');
  // The table pages too.
  assert.equal(await page.getByTestId('timeline-table-pager').getByTestId('pager-range').innerText(), `1–25 of ${TOTAL}`);
});

test('explore: search answers across 1,005 plans and draws a bounded list', async () => {
  await show('#view=explore&lang=en&q=%E7%AE%97%E5%8A%9B', 'view-explore');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length > 0, null, { timeout: 30_000 });
  const results = await page.getByTestId('result').count();
  assert.ok(results > 0 && results <= 40, `${results} results drawn`);
});

test('reader: a long library is chosen from a list grouped by province; a synthetic plan opens, labelled', async () => {
  await show('#view=reader&lang=en', 'view-reader');
  const select = page.getByTestId('reader-select');
  assert.ok(await select.locator('optgroup').count() >= 25, 'plans grouped by province');
  assert.equal(await select.locator('option').count(), TOTAL);
  const id = await select.evaluate((el) => [...el.options].map((o) => o.value).find((v) => v.startsWith('synthetic-0001')));
  await select.selectOption(id);
  await page.waitForFunction((doc) => document.querySelector('[data-testid=view-reader]')?.getAttribute('data-doc') === doc, id);
  assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), new RegExp(`doc=${id}`));
  assert.match(await page.getByTestId('source-text').innerText(), /合成测试数据/);
  assert.deepEqual(page.problems, []);
});

test('start-up: after a reload the 1,000 imported plans come back from the browser store', async () => {
  await loaded();
  await page.reload();
  await page.getByTestId('main').waitFor();
  await page.evaluate(() => { location.hash = 'view=overview&lang=en'; });
  await page.waitForFunction((total) => document.querySelector('#pc-overview-h')?.innerText.includes(`(${total})`), TOTAL, { timeout: 120_000 });
  assert.equal(await page.getByTestId('plan').count(), 24);
  assert.deepEqual(page.problems, []);
});
