/** Placeholder replaced below. */
import type { BrowserResult } from './results'

/** Scrolls the 300k-row grid in Chromium; a skip reason when Chromium cannot run. */
export async function measureGridInChromium(): Promise<BrowserResult | { readonly skipped: string }> {
  return { skipped: 'The Chromium grid measurement is not written yet.' }
}
