import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { applyStoredTheme } from './app/use-theme'
import { selectHost } from './host/host'
import './styles/base.css'
import './styles/app.css'
import './views/sync-rules/sync-rules.css'
import './styles/views.css'

applyStoredTheme()

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element.')

createRoot(container).render(
  <StrictMode>
    <App host={selectHost()} />
  </StrictMode>,
)
