import { withRelativePath } from '../dropped-files'

// renderer/ code may not import node:*, so the e2e fixture is read through Vite; BOMs and CRLFs survive as text.
const FIXTURE_FILES = import.meta.glob<string>('../../../e2e/fixtures/serverconfig-small/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const FIXTURE_ROOT = '../../../e2e/fixtures/'

/** The small server-configuration fixture as a folder picker hands it over (`serverconfig-small/...`). Tests only. */
export function pickFixtureFolder(): File[] {
  return Object.entries(FIXTURE_FILES).map(([key, text]) => {
    const relative = key.slice(FIXTURE_ROOT.length)
    return withRelativePath(new File([text], relative.slice(relative.lastIndexOf('/') + 1)), relative)
  })
}
