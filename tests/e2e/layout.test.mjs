// Layout a person sees: narrow phones (no text squeezed to one character a line, the compare
// matrix keeps its metric column readable) and printouts (no wasted first page; every printout says
// what it shows, when, and the link that reopens it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage } from './harness.mjs';

const env = useBrowser();
const VIEWS = ['overview', 'explore', 'compare', 'timeline', 'reader'];

for (const lang of ['zh', 'en']) {
  test(`360 px (${lang}): no text in any view wraps one character a line`, async () => {
    for (const view of VIEWS) {
      const page = await openPage(env.browser, `${env.url}#view=${view}&lang=${lang}`, { viewport: { width: 360, height: 780 } });
      await page.getByTestId(`view-${view}`).waitFor();
      const squeezed = await page.evaluate(() => {
        // Each text node's line boxes: one or two characters a line over three lines or more is
        // text squeezed into a column too narrow to read.
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent.trim();
          if ([...text].length < 3) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
          // Visually hidden text (for screen readers) is clipped to 1 px on purpose.
          if (lines.length < 3 || node.parentElement.closest('.pc-visually-hidden')) continue;
          if ([...text].length / lines.length <= 2) out.push(`${node.parentElement.tagName} "${text.slice(0, 12)}" ${lines.length} lines`);
        }
        return out;
      });
      assert.deepEqual(squeezed, [], `${view}: ${squeezed.join('; ')}`);
      if (view === 'compare') {
        const metricColumn = await page.locator('[data-testid=matrix] tbody th').first().evaluate((th) => th.getBoundingClientRect().width);
        assert.ok(metricColumn >= 100, `metric column ${metricColumn}px wide`);
        // The table scrolls inside its region; the page itself does not scroll sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `page overflows by ${overflow}px`);
      }
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  });
}

test('printed compare: the matrix may break across pages, and the printout says what, when and where', async () => {
  const hash = '#view=compare&lang=en&plans=000_8433abb47693ddfb,003_e974f5983be240f5';
  const page = await openPage(env.browser, `${env.url}${hash}`, { viewport: { width: 794, height: 1123 } });
  await page.getByTestId('view-compare').waitFor();
  assert.equal(await page.getByTestId('print-info').isVisible(), false, 'the screen does not show it');
  await page.emulateMedia({ media: 'print' });
  const info = page.getByTestId('print-info');
  assert.equal(await info.isVisible(), true);
  const text = await info.innerText();
  assert.match(text, /Compare goals/);
  assert.match(text, /Wuhan/);
  assert.match(text, /Tianjin/);
  assert.match(text, /English/);
  assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  assert.ok(text.includes('#view=compare') && text.includes('003_e974f5983be240f5'), text);
  // A table kept whole would be pushed to page 2, leaving page 1 with two headings.
  const breaks = await page.locator('[data-testid=matrix]').evaluate((t) => getComputedStyle(t).breakInside);
  assert.equal(breaks, 'auto');
  const rowBreaks = await page.locator('[data-testid=matrix] tbody tr').first().evaluate((r) => getComputedStyle(r).breakInside);
  assert.equal(rowBreaks, 'avoid');
  // The printout itself: A4 pages, none of them blank of content but for headings.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.ok(pdf.length > 1000);
  assert.deepEqual(page.problems, []);
});

test('every view prints its facts in Chinese too', async () => {
  for (const view of VIEWS) {
    const page = await openPage(env.browser, `${env.url}#view=${view}`);
    await page.getByTestId(`view-${view}`).waitFor();
    await page.emulateMedia({ media: 'print' });
    const text = await page.getByTestId('print-info').innerText();
    assert.match(text, /人工智能规划对比/);
    assert.match(text, /全部规划/);
    assert.match(text, /中文/);
    await page.context().close();
  }
});
