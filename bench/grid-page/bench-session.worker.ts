/**
 * The grid benchmark's snapshot worker: serves the synthetic session over the same RPC as the app's snapshot
 * worker, so that every page the grid asks for crosses a real thread boundary. The worker's name carries the
 * object count (`rows=300000`).
 */
import { messagePortOf } from '../../renderer/host/worker-port'
import { serveSession } from '../../shared/app/session-rpc'
import { benchSession } from './bench-session'

const objects = Number(/rows=(\d+)/.exec(self.name)?.[1] ?? '300000')

serveSession(messagePortOf(self), benchSession(objects), async () => ({ name: 'Grid benchmark', files: [] }))
