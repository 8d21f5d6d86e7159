// Accessibility: axe-core finds no serious or critical violation on any view, in both languages;
// the app fits 360 px and 1440 px without sideways scrolling; keyboard focus is visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, seriousViolations } from './harness.mjs';

const VIEWS = ['overview', 'explore', 'compare', 'timeline', 'reader'];

const env = useBrowser();

for (const lang of ['zh', 'en']) {
  for (const view of VIEWS) {
    test(`axe: ${view} (${lang}) has no serious or critical violation`, async () => {
      const page = await openPage(env.browser, `${env.url}#view=${view}&lang=${lang}`);
      await page.getByTestId(`view-${view}`).waitFor();
      const serious = await seriousViolations(page);
      assert.deepEqual(serious, [], JSON.stringify(serious, null, 1));
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}

for (const width of [360, 1440]) {
  test(`every view fits ${width} px without sideways scrolling`, async () => {
    for (const view of VIEWS) {
      const page = await openPage(env.browser, `${env.url}#view=${view}`, { viewport: { width, height: 800 } });
      await page.getByTestId(`view-${view}`).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${view} at ${width}px overflows by ${overflow}px`);
      await page.context().close();
    }
  });
}

test('keyboard only: tab to the search box, type, and see a visible focus ring', async () => {
  const page = await openPage(env.browser, `${env.url}#view=explore&lang=en`);
  await page.getByTestId('view-explore').waitFor();
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'pc-search-input');
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    assert.ok(outline === 'body' || !outline.startsWith('none'), `focus ring missing on step ${i}: ${outline}`);
  }
  assert.ok(reached, 'the search box is reachable with Tab');
  await page.keyboard.type('机器人');
  await page.waitForFunction(() => document.querySelectorAll('mark.pc-hit').length > 0);
  // Space toggles a facet checkbox and focus stays on it.
  await page.locator('#pc-figures-only').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.hash.includes('figures=1'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pc-figures-only');
  assert.deepEqual(page.problems, []);
});

for (const lang of ['zh', 'en']) {
  test(`axe: the "Add a plan" panel (${lang}) has no serious or critical violation`, async () => {
    const page = await openPage(env.browser, `${env.url}#lang=${lang}`);
    await page.getByTestId('add-plan').click();
    await page.getByTestId('import-panel').waitFor();
    const serious = await seriousViolations(page);
    assert.deepEqual(serious, [], JSON.stringify(serious, null, 1));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('every interface string is translated: no Chinese chrome in English', async () => {
  for (const view of [...VIEWS, 'import']) {
    const page = await openPage(env.browser, `${env.url}#view=${view === 'import' ? 'overview' : view}&lang=en`);
    if (view === 'import') {
      await page.getByTestId('add-plan').click();
      await page.getByTestId('import-panel').waitFor();
    } else {
      await page.getByTestId(`view-${view}`).waitFor();
    }
    // Plan text and quotes are Chinese on purpose and carry lang="zh-CN"; everything else is English.
    const chinese = await page.evaluate(() => {
      const out = [];
      const walker = document.createTreeWalker(document.querySelector('[data-testid=app-root]'), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!/[\u4e00-\u9fff]/.test(node.textContent)) continue;
        const el = node.parentElement;
        if (el.closest('[lang="zh-CN"], code, textarea, svg title, [data-testid=lang-switch], mark, .pc-src-figure')) continue;
        // Quotes from the source inside English sentences stand in “…”.
        if (/“[^”]*[\u4e00-\u9fff][^”]*”/.test(node.textContent) && !/[\u4e00-\u9fff]/.test(node.textContent.replace(/“[^”]*”/g, ''))) continue;
        out.push(node.textContent.slice(0, 40));
      }
      return out;
    });
    assert.deepEqual(chinese, [], `${view}: ${chinese.join(' | ')}`);
    await page.context().close();
  }
});
