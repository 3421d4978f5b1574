/**
 * The grid benchmark's page. `?subject=metaverse-search` (the default) is the real app's Metaverse Search over
 * synthetic objects from a worker; `?subject=rules` the Sync Rules grid component over synthetic rows. The row
 * count comes from `?rows=`. The page publishes `window.gridBench` for the Playwright driver.
 */
import { createRoot } from 'react-dom/client'
import { metaverseSearchBench } from './metaverse-search-bench'
import { ruleGridBench } from './rule-grid-bench'
import '../../renderer/styles/base.css'
import '../../renderer/styles/app.css'
import '../../renderer/views/sync-rules/sync-rules.css'
import '../../renderer/styles/views.css'

const container = document.getElementById('root')
if (container === null) throw new Error('The page has no #root element.')
const params = new URLSearchParams(location.search)
const rows = Number(params.get('rows') ?? '300000')
const root = createRoot(container)
window.gridBench =
  params.get('subject') === 'rules' ? ruleGridBench(root, rows) : metaverseSearchBench(root, rows)
