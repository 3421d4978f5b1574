import { createRequire } from 'node:module'
import path from 'node:path'
import { enableCompileCache } from './compile-cache'

// The `synclens` command's entry: a few lines that turn on the compile cache, then the command itself from its
// own bundle beside this one (`synclens.cjs` loads `synclens-main.cjs`). Node caches only modules loaded after
// the call, so the call cannot sit in the command's own bundle.
enableCompileCache()
createRequire(__filename)(path.join(__dirname, `${path.basename(__filename, '.cjs')}-main.cjs`))
