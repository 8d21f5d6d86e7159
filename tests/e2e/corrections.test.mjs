// Review and correction of figures through the real UI: the reader's review panel shows how a
// figure was read; a correction (value, "not a target") survives a reload, is marked in the reader
// and in Explore, and is in the Compare CSV; the corrections file carries it to a cleared browser;
// a bad file, a bad unit, a damaged store and a correction whose figure is gone get clear messages
// and lose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, seriousViolations } from './harness.mjs';

const env = useBrowser();
// Wuhan's plan: “到2025年，…人工智能核心产业规模达 400 亿元” (a target with a metric, so it is in
// the Compare download), from `plans export --format csv`.
const PLAN = '001_7750412351cae417';
const FIGURE = `${PLAN}-f001`;
const ITEM = `${PLAN}-i004`;
const STORE = 'plan-compare:corrections';

/** A fresh browser profile (empty storage) whose pages record problems. */
async function freshPage(width = 1280) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`); });
  return page;
}

/** Opens the reader focused on `figure`, and waits for its review panel. */
async function openFigure(page, figure = FIGURE, lang = 'en') {
  await page.goto(`${env.url}#view=reader&lang=${lang}&doc=${PLAN}&focus=${figure}`);
  await page.locator(`[data-testid=review-panel][data-figure="${figure}"]`).waitFor();
}

async function waitForReviewMessage(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid=review-messages]')?.innerText ?? ''), pattern.source, { timeout: 10000 })
    .catch(async () => { throw new Error(`no review message ${pattern}: ${await page.getByTestId('review-messages').innerText().catch(() => 'no panel')}`); });
}

/** The panel's reading of the figure: kind, rule and corrected fields. */
async function reading(page) {
  const panel = page.getByTestId('review-panel');
  return {
    kind: await panel.getByTestId('review-kind').innerText(),
    rule: await panel.getByTestId('review-rule').innerText(),
    corrected: (await panel.getByTestId('review-corrected').count()) ? await panel.getByTestId('review-corrected').innerText() : '',
    marks: await page.getByTestId('corrected-mark').count(),
  };
}

/** Waits until the panel's reading is `expected` (the page is drawn again after a change). */
async function expectReading(page, expected) {
  let last;
  for (let i = 0; i < 50; i++) {
    last = await reading(page).catch((e) => e.message);
    try { assert.deepEqual(last, expected); return; } catch { await page.waitForTimeout(100); }
  }
  assert.deepEqual(last, expected);
}

/** Parses CSV (quoted fields may hold commas, quotes and line breaks) into objects by header. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

test('a correction survives a reload, is marked everywhere, is in the CSV, and travels as a file', async () => {
  const page = await freshPage();
  await openFigure(page);
  // The reading as extracted: kind, the rule that decided it, nothing corrected.
  await expectReading(page, { kind: 'target', rule: 'it stands in the goals section', corrected: '', marks: 0 });
  assert.match(await page.getByTestId('review-panel').innerText(), /high confidence/);
  assert.equal(await page.getByTestId('correct-value').inputValue(), '400');
  assert.equal(await page.getByTestId('correct-unit').inputValue(), '亿元');

  // Correct the value and mark it not a target.
  await page.getByTestId('correct-value').fill('450');
  await page.getByTestId('correct-not-target').check();
  assert.equal(await page.getByTestId('correct-kind').isDisabled(), true, 'the kind follows "not a target"');
  await page.getByTestId('save-correction').click();
  await waitForReviewMessage(page, /Correction saved/);
  await expectReading(page, { kind: 'not a target', rule: 'corrected by a user', corrected: 'Value, Kind', marks: 1 });
  assert.equal(await page.locator(`[id="${FIGURE}"]`).getAttribute('data-corrected'), 'true');

  // A reload keeps it (browser storage).
  await page.reload();
  await page.getByTestId('review-panel').waitFor();
  await expectReading(page, { kind: 'not a target', rule: 'corrected by a user', corrected: 'Value, Kind', marks: 1 });
  assert.equal(await page.getByTestId('correct-value').inputValue(), '450');
  assert.equal(await page.getByTestId('correct-not-target').isChecked(), true);

  // Explore's figure text says so, in both languages.
  await page.goto(`${env.url}#view=explore&lang=en&plans=${PLAN}&q=${encodeURIComponent('核心产业规模')}`);
  const result = page.locator(`[data-testid=result][data-item-id="${ITEM}"]`);
  await result.waitFor();
  assert.match(await result.getByTestId('figure-link').allInnerTexts().then((t) => t.join(' | ')), /¥45 bn \[not a target\] \[corrected\], by 2025/);
  await page.goto(`${env.url}#view=explore&lang=zh&plans=${PLAN}&q=${encodeURIComponent('核心产业规模')}`);
  await result.waitFor();
  assert.match(await result.getByTestId('figure-link').allInnerTexts().then((t) => t.join(' | ')), /450亿元 \[非目标\] \[已更正\],到2025年/);

  // The Compare CSV has the corrected reading, its kind and the fields corrected.
  await page.goto(`${env.url}#view=compare&lang=en&plans=${PLAN}`);
  await page.getByTestId('compare-export').waitFor();
  const csv = await download(page, () => page.getByTestId('compare-export').getByTestId('export-csv').click());
  const row = parseCsv(csv.replace(/^\uFEFF/, '')).find((r) => r.id === FIGURE);
  assert.ok(row, `${FIGURE} is in the Compare CSV`);
  assert.deepEqual(
    { value: row.value, value_normalized: row.value_normalized, kind: row.kind, kind_rule: row.kind_rule, corrected: row.corrected, raw: row.raw },
    { value: '450', value_normalized: '45000000000', kind: 'other', kind_rule: 'corrected', corrected: 'value; kind', raw: '400 亿元' },
  );
  // The JSON download too.
  const json = JSON.parse(await download(page, () => page.getByTestId('compare-export').getByTestId('export-json').click()));
  const target = json.targets.find((t) => t.id === FIGURE);
  assert.deepEqual([target.value, target.kind, target.corrected], [450, 'other', ['value', 'kind']]);

  // Export the corrections file.
  await openFigure(page);
  const file = await download(page, () => page.getByTestId('export-corrections').click());
  const parsed = JSON.parse(file);
  assert.equal(parsed.schema, 'plan-compare-corrections/1');
  assert.equal(parsed.corrections.length, 1);
  assert.deepEqual(
    [parsed.corrections[0].plan, parsed.corrections[0].figure, parsed.corrections[0].raw, parsed.corrections[0].value, parsed.corrections[0].not_target],
    [PLAN, FIGURE, '400 亿元', 450, true],
  );

  // Cleared storage: the extraction is back; importing the file brings the correction back.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('review-panel').waitFor();
  await expectReading(page, { kind: 'target', rule: 'it stands in the goals section', corrected: '', marks: 0 });
  const dir = await fs.promises.mkdtemp('/tmp/pc-corrections-');
  const good = path.join(dir, 'corrections.json');
  fs.writeFileSync(good, file);
  await page.getByTestId('corrections-input').setInputFiles(good);
  await waitForReviewMessage(page, /Imported 1 corrections from “corrections\.json”/);
  await expectReading(page, { kind: 'not a target', rule: 'corrected by a user', corrected: 'Value, Kind', marks: 1 });
  await page.reload();
  await page.getByTestId('review-panel').waitFor();
  assert.equal((await reading(page)).kind, 'not a target', 'the imported correction is kept');

  // Bad files: a clear message, and the corrections are unchanged.
  const stored = await page.evaluate((key) => localStorage.getItem(key), STORE);
  const bad = [
    ['not-json.json', 'this is not json', /“not-json\.json” is not a corrections file of this tool: not a corrections file/],
    ['workspace.json', '{"schema":"plan-compare-workspace/1","documents":[]}', /“workspace\.json” is not a corrections file/],
    ['bad-kind.json', JSON.stringify({ schema: 'plan-compare-corrections/1', corrections: [{ plan: PLAN, figure: FIGURE, raw: '400 亿元', kind: 'goal' }] }), /correction 1: unknown kind "goal"/],
  ];
  for (const [name, content, pattern] of bad) {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    await page.getByTestId('corrections-input').setInputFiles(p);
    await waitForReviewMessage(page, pattern);
    assert.match(await page.getByTestId('review-messages').innerText(), /Your corrections are unchanged/);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORE), stored);
    assert.equal((await reading(page)).kind, 'not a target');
  }

  // A unit that is not one is refused in the form, and nothing is saved.
  await page.getByTestId('correct-unit').fill('斤两');
  await page.getByTestId('save-correction').click();
  await page.waitForFunction(() => /unit is not recognised/.test(document.querySelector('[data-testid=review-error]')?.innerText ?? ''));
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORE), stored);

  // Undo gives the extraction back, everywhere.
  await page.getByTestId('undo-correction').click();
  await waitForReviewMessage(page, /Correction undone/);
  await expectReading(page, { kind: 'target', rule: 'it stands in the goals section', corrected: '', marks: 0 });
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORE)).corrections.length, 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('clicking a figure in the source opens its review panel; a unit correction rescales it', async () => {
  const page = await freshPage();
  await page.goto(`${env.url}#view=reader&lang=en&doc=${PLAN}`);
  await page.getByTestId('view-reader').waitFor();
  assert.equal(await page.getByTestId('review-panel').count(), 0, 'no panel without a focused figure');
  await page.locator(`[id="${FIGURE}"]`).click();
  await page.locator(`[data-testid=review-panel][data-figure="${FIGURE}"]`).waitFor();
  assert.match(page.url(), new RegExp(`focus=${FIGURE}`));
  // Focus is on the figure, and the panel's first field is next in the tab order.
  assert.equal(await page.evaluate(() => document.activeElement?.id), FIGURE);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pc-review-value');
  // Every field has a label.
  for (const id of ['pc-review-value', 'pc-review-unit', 'pc-review-year', 'pc-review-measure', 'pc-review-kind', 'pc-review-not-target', 'pc-review-note']) {
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `${id} has a label`);
  }
  await page.getByTestId('correct-unit').fill('万元');
  await page.getByTestId('correct-year').fill('2026');
  await page.getByTestId('correct-measure').selectOption('flow');
  // Enter in a field submits the form.
  await page.getByTestId('correct-year').press('Enter');
  await waitForReviewMessage(page, /Correction saved/);
  await page.waitForFunction(() => document.querySelector('[data-testid=review-corrected]')?.innerText === 'Unit, Year, Measure');
  assert.match(await page.locator(`[id="${FIGURE}"]`).getAttribute('title'), /¥4 m \/ per year \[corrected\], by 2026/);
  // Another figure: its own panel.
  const other = page.getByTestId('source-figure').nth(3);
  const otherId = await other.getAttribute('id');
  await other.click();
  await page.locator(`[data-testid=review-panel][data-figure="${otherId}"]`).waitFor();
  assert.equal(await page.getByTestId('review-panel').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the review panel is accessible in both languages and fits 360 px', async () => {
  for (const lang of ['zh', 'en']) {
    const page = await freshPage();
    await openFigure(page, FIGURE, lang);
    const serious = await seriousViolations(page);
    assert.deepEqual(serious, [], `${lang}: ${JSON.stringify(serious, null, 1)}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  const narrow = await freshPage(360);
  await openFigure(narrow);
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the reader with its review panel overflows 360 px by ${overflow}px`);
  const box = await narrow.getByTestId('review-panel').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 361, `panel at ${box.x}+${box.width}`);
  await narrow.context().close();
});

test('a damaged store is set aside, and a correction whose figure is gone is reported, not dropped', async () => {
  const page = await freshPage();
  await page.context().addInitScript(([key, plan]) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, JSON.stringify({
        schema: 'plan-compare-corrections/1',
        corrections: [{ plan, figure: `${plan}-f001`, raw: '999 亿元', value: 1, at: '2026-01-01T00:00:00Z' }],
      }));
    }
  }, [STORE, PLAN]);
  await page.goto(`${env.url}#lang=en`);
  await page.getByTestId('plan').first().waitFor();
  assert.match((await page.getByTestId('notice').allInnerTexts()).join(' '), /correction of “999 亿元” in plan 001_7750412351cae417 could not be applied: the figure is no longer found in its text/);
  // It is kept, and exported with the others.
  await openFigure(page);
  const file = JSON.parse(await download(page, () => page.getByTestId('export-corrections').click()));
  assert.equal(file.corrections[0].raw, '999 亿元');
  assert.equal((await reading(page)).kind, 'target', 'nothing else was changed by it');
  await page.context().close();

  const damaged = await freshPage();
  await damaged.context().addInitScript((key) => {
    if (!sessionStorage.getItem('damaged')) {
      sessionStorage.setItem('damaged', '1');
      localStorage.setItem(key, '{"schema":"plan-compare-corrections/1","corrections":[{"broken":');
    }
  }, STORE);
  await damaged.goto(`${env.url}#lang=en`);
  await damaged.getByTestId('plan').first().waitFor();
  assert.match((await damaged.getByTestId('notice').allInnerTexts()).join(' '), /stored corrections could not be read; they were set aside/);
  const keys = await damaged.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.startsWith('plan-compare:corrections:unreadable:')), keys.join(','));
  assert.deepEqual(damaged.problems, []);
  await damaged.context().close();
});

test('storage refused: a clear message, and the correction holds for the session', async () => {
  const page = await freshPage();
  await page.context().addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await openFigure(page);
  await page.getByTestId('correct-value').fill('500');
  await page.getByTestId('save-correction').click();
  await waitForReviewMessage(page, /storage is full or refused the write/);
  await page.getByTestId('corrections-not-kept').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=review-corrected]')?.innerText === 'Value');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('embedded pages show how a figure was read, and offer correcting only when the host asks for it', async () => {
  const page = await freshPage();
  await page.goto(`${env.url}#view=reader&lang=en&embed=1&doc=${PLAN}&focus=${FIGURE}`);
  const panel = page.locator(`[data-testid=review-panel][data-figure="${FIGURE}"]`);
  await panel.waitFor();
  assert.match(await panel.getByTestId('review-rule').innerText(), /goals section/);
  assert.equal(await page.getByTestId('review-form').count(), 0, 'no form in a plain embed');
  assert.equal(await page.getByTestId('export-corrections').count(), 0);
  await page.goto(`${env.url}#view=reader&lang=en&embed=1&import=1&doc=${PLAN}&focus=${FIGURE}`);
  await page.reload();
  await page.getByTestId('review-form').waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
