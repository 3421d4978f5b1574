import { createSnapshotSession } from '../../shared/app/session'
import { serveSession } from '../../shared/app/session-rpc'
import { resolveBrowserFiles } from './worker-source'
import { messagePortOf } from './worker-port'

// Background work yields to the event loop between slices, so messages are answered meanwhile.
const background = { yieldControl: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) }
serveSession(messagePortOf(self), createSnapshotSession(Date.now, background), resolveBrowserFiles)
