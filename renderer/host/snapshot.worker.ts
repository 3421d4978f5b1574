import { SnapshotSession } from '../../shared/app/session'
import { serveSession } from '../../shared/app/session-rpc'
import { resolveBrowserFiles } from './browser-source'
import { messagePortOf } from './worker-port'

serveSession(messagePortOf(self), new SnapshotSession(), resolveBrowserFiles)
