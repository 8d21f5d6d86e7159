// The target model in the browser: goals apart from support measures, the roll-up against the
// national plan, one place over time, staged goals and reports on the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useBrowser, openPage } from './harness.mjs';

const env = useBrowser();

async function open(hash) {
  const page = await openPage(env.browser, `${env.url}${hash}`);
  await page.getByTestId('main').waitFor();
  return page;
}

test('compare: grants and eligibility rules are support measures, never goals', async () => {
  const page = await open('#view=compare&lang=en');
  const matrix = await page.getByTestId('matrix').innerText();
  assert.ok(!matrix.includes('¥1 m'), 'the per-platform grant (100万元) is not a goal');
  assert.ok(!matrix.includes('¥5 m'), 'the 500万元 eligibility threshold is not a goal');
  const rows = page.getByTestId('support-row');
  assert.ok((await rows.count()) >= 4, 'Changsha grant and rule, Wuhan fund, Tianjin fund and budget');
  const grant = rows.filter({ hasText: '每个平台给予100万元' });
  assert.equal(await grant.getAttribute('data-form'), 'grant');
  assert.match(await grant.innerText(), /¥1 m/);
  assert.match(await grant.innerText(), /每个平台/, 'who receives it');
  const rule = rows.filter({ has: page.getByTestId('support-condition') });
  assert.equal(await rule.getByTestId('support-condition').count(), 2, '投入500万元以上 and 用户数不低于20家');
  assert.match(await rule.innerText(), /对软硬件投入达到500万元\(含\)以上.*的企业/);
  // Following a condition opens its sentence in the reader.
  await rule.getByTestId('support-condition').first().click();
  await page.getByTestId('view-reader').waitFor();
  await page.locator('.pc-focus').waitFor();
  assert.match(await page.locator('.pc-focus').innerText(), /500万元/);
  assert.deepEqual(page.problems, []);
});

test('compare: local targets rolled up against the national plan, with who contributes', async () => {
  const page = await open('#view=compare&lang=en');
  assert.match(await page.getByTestId('rollup-source').innerText(), /国发〔2017〕35号.*entered by an editor/);
  const row = (metric, year) => page.locator(`[data-testid=rollup-row][data-metric="${metric}"][data-year="${year}"]`);
  const core2020 = row('ai_industry_scale', 2020);
  assert.equal(await core2020.getByTestId('rollup-sum').innerText(), '¥15 bn');
  assert.equal(await core2020.getByTestId('rollup-share').innerText(), '10%');
  assert.deepEqual(await core2020.getByTestId('rollup-plan').evaluateAll((els) => els.map((e) => e.dataset.planId)), ['003_e974f5983be240f5']);
  const core2025 = row('ai_industry_scale', 2025);
  assert.equal(await core2025.getByTestId('rollup-sum').innerText(), '¥40 bn');
  assert.deepEqual(await core2025.getByTestId('rollup-plan').evaluateAll((els) => els.map((e) => e.dataset.planId)), ['001_7750412351cae417']);
  assert.equal(await row('related_industry_scale', 2025).getByTestId('rollup-sum').innerText(), '¥400 bn');
  assert.equal(await row('ai_industry_scale', 2030).getByTestId('rollup-sum').innerText(), '—');
  // Changsha's 核心及相关产业 target for 2023 is shown, not summed.
  assert.match(await page.getByTestId('rollup-off-year').innerText(), /Changsha/);
  // Without Tianjin, 2020 has nothing to sum.
  await page.locator('[data-testid=compare-plans] input[data-key="003_e974f5983be240f5"]').uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid=rollup-row][data-metric="ai_industry_scale"][data-year="2020"] [data-testid=rollup-sum]').innerText === '—');
  assert.deepEqual(page.problems, []);
});

test('compare: one city over time, the reply before the plan, the latest flagged and growth derived', async () => {
  const page = await open('#view=compare&lang=en');
  const table = page.getByTestId('history-table');
  assert.equal(await table.count(), 1, 'Wuhan is the only place with two plans');
  const heads = await table.locator('thead th').allInnerTexts();
  assert.equal(heads.length, 3);
  assert.match(heads[1], /Wuhan/);
  assert.match(heads[2], /Wuhan.*2025/);
  const scale = table.locator('tr[data-metric="ai_industry_scale"]');
  const cells = scale.locator('td');
  assert.match(await cells.nth(0).innerText(), /¥10 bn.*forecast/s, 'the reply expected 100亿 for 2020');
  assert.match(await cells.nth(1).innerText(), /¥40 bn/);
  const latest = scale.locator('[data-testid=history-entry][data-latest=true]');
  assert.ok((await latest.count()) >= 1);
  assert.match(await latest.filter({ hasText: '¥40 bn' }).getByTestId('implied-growth').innerText(), /implied growth 32% a year \(derived: from ¥10 bn in 2020/);
  // The history follows the selection: with one Wuhan plan there is no history.
  await page.locator('[data-testid=compare-plans] input[data-key="000_8433abb47693ddfb"]').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-table]').length === 0);
  assert.match(await page.getByTestId('history').innerText(), /No place has two or more/);
  assert.deepEqual(page.problems, []);
});

test('compare: reported and forecast figures only in marked rows of their own, on request', async () => {
  const page = await open('#view=compare&lang=en');
  assert.equal(await page.locator('[data-testid=matrix] tr[data-reported=true]').count(), 0);
  assert.ok(!(await page.getByTestId('matrix').innerText()).includes('forecast'));
  await page.getByTestId('show-reported').check();
  await page.waitForFunction(() => location.hash.includes('reported=1'));
  const reported = page.locator('[data-testid=matrix] tr[data-reported=true][data-metric="ai_industry_scale"]');
  await reported.waitFor();
  assert.match(await reported.innerText(), /reported and forecast/);
  assert.match(await reported.innerText(), /¥10 bn.*forecast/s);
  // The reported row follows its goal row.
  const order = await page.locator('[data-testid=matrix] tbody tr').evaluateAll((rows) => rows.map((r) => `${r.dataset.metric}:${r.dataset.reported}`));
  const at = order.indexOf('ai_industry_scale:true');
  assert.equal(order[at - 1], 'ai_industry_scale:false');
  await page.reload();
  await page.getByTestId('view-compare').waitFor();
  assert.ok(await page.getByTestId('show-reported').isChecked(), 'the URL keeps it');
  assert.deepEqual(page.problems, []);
});

test('timeline: every staged goal of Wuwei, numeric or not, and reports as points of their own', async () => {
  const page = await open('#view=timeline&lang=en&plans=004_0464be91846ce881,000_8433abb47693ddfb');
  const wuwei = page.locator('[data-testid=milestone][data-kind="TargetYear"]');
  const labels = await wuwei.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const wuweiStages = labels.filter((l) => l.startsWith('Wuwei'));
  for (const year of ['2020', '2025', '2030']) {
    assert.ok(wuweiStages.some((l) => l.includes(`staged goal · ${year}:`) && l.includes(`到${year}年`)), `${year}: ${wuweiStages.join(' | ')}`);
  }
  const reports = await page.locator('[data-testid=milestone][data-kind="Reported"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(reports.some((l) => l.startsWith('Wuhan') && l.includes('reported figure · 2018')), reports.join(' | '));
  // The timeline download carries the stages' goal items.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-export').getByTestId('export-json').click()]);
  const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const stages = data.milestones.filter((m) => m.plan === '004_0464be91846ce881' && m.kind === 'target_year');
  assert.deepEqual(stages.map((m) => m.date), ['2020', '2025', '2030']);
  assert.ok(stages.every((m) => m.goals.length >= 1));
  assert.deepEqual(page.problems, []);
});

test('timeline: the plans of one place are adjacent lanes, oldest first', async () => {
  const page = await open('#view=timeline&lang=en&plans=001_7750412351cae417,002_efbdcff6e01d2b71,000_8433abb47693ddfb');
  const lanes = await page.getByTestId('timeline-lane').evaluateAll((els) => els.map((e) => e.dataset.planId));
  assert.deepEqual(lanes, ['000_8433abb47693ddfb', '001_7750412351cae417', '002_efbdcff6e01d2b71']);
  assert.deepEqual(page.problems, []);
});

test('compare: policy instruments counted beside sectors, and how alike the plans are', async () => {
  const page = await open('#view=compare&lang=en');
  const instruments = page.getByTestId('instrument-heatmap');
  assert.equal(await instruments.locator('tbody tr').count(), 9, 'the nine policy instruments');
  const platform = instruments.locator('tr[data-key="platform"] td');
  const counts = (await platform.allInnerTexts()).map(Number);
  assert.equal(counts.length, 5);
  assert.ok(counts.filter((n) => n > 0).length >= 3, `platforms in most plans: ${counts}`);
  const matrix = page.getByTestId('similarity-matrix');
  assert.equal(await matrix.locator('tbody tr').count(), 5);
  const values = (await matrix.getByTestId('similarity-cell').allInnerTexts()).map((t) => parseFloat(t));
  assert.equal(values.length, 20, 'every pair but the diagonal');
  assert.ok(values.every((v) => v > 0 && v < 100), values.join(' '));
  // Symmetric: the cell (a, b) equals (b, a).
  const cell = (a, b) => matrix.locator('tbody tr').nth(a).locator('td').nth(b).innerText();
  assert.equal(await cell(1, 3), await cell(3, 1));
  // The matrix downloads as a labelled square.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('similarity-export').getByTestId('export-csv').click()]);
  const lines = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines.length, 6);
  assert.match(lines[0], /^plan,000_8433abb47693ddfb,/);
  assert.deepEqual(page.problems, []);
});
