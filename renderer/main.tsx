import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { applyStoredTheme } from './app/use-theme'
import { errorDetails } from '../shared/model/error-data'
import { selectHost } from './host/host'
// The app's own fonts (SIL OFL), so it reads the same on every system and its screenshots compare exactly.
import '@fontsource/inter/400.css'
import '@fontsource/inter/500.css'
import '@fontsource/inter/600.css'
import '@fontsource/inter/700.css'
import '@fontsource/jetbrains-mono/400.css'
import '@fontsource/jetbrains-mono/600.css'
import './styles/base.css'
import './styles/app.css'
import './views/sync-rules/sync-rules.css'
import './styles/views.css'

applyStoredTheme()

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element.')

const host = selectHost()
// Errors no view caught still reach the host's log (Help > Show Log in Electron, the console in a browser).
window.addEventListener('error', (event) => {
  void host.reportError(`Uncaught error: ${errorDetails(event.error ?? event.message)}`)
})
window.addEventListener('unhandledrejection', (event) => {
  void host.reportError(`Unhandled rejection: ${errorDetails(event.reason)}`)
})

createRoot(container).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
)
