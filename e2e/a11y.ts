import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** One axe finding, as a spec reports it. */
export interface AxeFinding {
  readonly id: string
  readonly impact: string
  readonly help: string
  readonly targets: readonly string[]
}

/**
 * Runs axe (WCAG 2.x A and AA rules) over the page as it is and returns the serious and critical violations.
 * The page's own content only: nothing is excluded.
 */
export async function seriousViolations(page: Page): Promise<readonly AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }))
}
