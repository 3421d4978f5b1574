import { createSnapshotSession } from '../../shared/app/session'
import { serveSession } from '../../shared/app/session-rpc'
import { resolveBrowserFiles } from './worker-source'
import { messagePortOf } from './worker-port'

serveSession(messagePortOf(self), createSnapshotSession(), resolveBrowserFiles)
