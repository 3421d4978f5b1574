import { SnapshotSession } from '../../shared/snapshot/session'
import { serveSession } from '../../shared/snapshot/session-rpc'
import { resolveBrowserFiles } from './browser-source'
import { messagePortOf } from './worker-port'

serveSession(messagePortOf(self), new SnapshotSession(), resolveBrowserFiles)
