import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG levels the product claims: 2.0, 2.1 and 2.2, A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page (or part of it) and expects no violations. `examined` names CSS
 * selectors whose text axe must actually have checked for contrast (a pass, not "incomplete"):
 * a clean run that never looked at the step cards proves nothing.
 */
export async function expectAccessible(
  page: Page,
  what: string,
  options: { include?: string; examined?: readonly string[] } = {},
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
        .join('\n')}`,
  );
  expect(violations, `axe violations on ${what}`).toEqual([]);
  if (!options.examined?.length) return;
  const contrastPasses = results.passes.find((r) => r.id === 'color-contrast')?.nodes ?? [];
  // Symbols and icons (outside the basic multilingual plane, or a lone glyph) are not text axe
  // judges; everything else it could not judge counts against the check.
  const contrastUnsure = (
    results.incomplete.find((r) => r.id === 'color-contrast')?.nodes ?? []
  ).filter(
    (n) => !n.any.every((c) => (c.data as { messageKey?: string })?.messageKey === 'nonBmp'),
  );
  const checked = await page.evaluate(
    ({ passed, unsure, selectors }) => {
      const matches = (targets: string[][], selector: string) =>
        targets.some((t) => {
          const el = document.querySelector(t.join(' '));
          return el?.matches(selector) || el?.closest(selector) !== null;
        });
      return selectors.map((selector) => ({
        selector,
        passed: matches(passed, selector),
        unsure: matches(unsure, selector),
      }));
    },
    {
      passed: contrastPasses.map((n) => n.target.map(String)),
      unsure: contrastUnsure.map((n) => n.target.map(String)),
      selectors: [...options.examined],
    },
  );
  for (const c of checked) {
    expect(c, `axe checked the contrast of ${c.selector} on ${what}`).toEqual({
      selector: c.selector,
      passed: true,
      unsure: false,
    });
  }
}
