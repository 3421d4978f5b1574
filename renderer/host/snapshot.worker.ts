import { createSnapshotSession } from '../../shared/app/session'
import { serveSession } from '../../shared/app/session-rpc'
import { resolveBrowserFiles } from './worker-source'
import { messagePortOf } from './worker-port'

// Between slices of a long computation, the worker reads its messages: a cancel gets through.
const yieldControl = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

serveSession(messagePortOf(self), createSnapshotSession({ yieldControl }), resolveBrowserFiles)
