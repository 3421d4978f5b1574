// The layers of shared/ and the runtime boundaries between folders, checked by `npm run lint`
// (dependency-cruiser). docs/ARCHITECTURE.md explains them; scripts/layers.test.ts plants violations to prove
// each rule fails.

/** shared/ folders, lowest layer first; a folder may import its own layer and the layers below. */
const LAYERS = [
  ['text'],
  ['model'],
  ['xml', 'expression'],
  ['formats', 'io'],
  ['store'],
  ['load'],
  ['engine'],
  ['search', 'report', 'training', 'compare', 'fix'],
  ['app'],
]

/** Test code (tests and testing/ helpers) may reach across layers to build its inputs. */
const TEST_CODE = ['\\.test\\.tsx?$', '/testing/']

const layerRules = LAYERS.slice(0, -1).map((folders, index) => {
  const above = LAYERS.slice(index + 1).flat()
  return {
    name: `layer-${folders.join('-')}`,
    comment: `shared/${folders.join(', shared/')} may not import a higher layer (${above.join(', ')}).`,
    severity: 'error',
    from: { path: `^shared/(${folders.join('|')})/`, pathNot: TEST_CODE },
    to: { path: `^shared/(${above.join('|')})/` },
  }
})

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules may not import each other in a loop, in any folder.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { circular: true, pathNot: TEST_CODE },
    },
    ...layerRules,
    {
      name: 'shared-is-pure',
      comment: 'shared/ imports nothing from the runtimes that use it.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(renderer|electron|node|e2e|bench|scripts)/' },
    },
    {
      name: 'shared-layer-root',
      comment: 'Every module of shared/ lives in a layer folder.',
      severity: 'error',
      from: { path: '^shared/[^/]+\\.tsx?$', pathNot: '^shared/platform\\.d\\.ts$' },
      to: {},
    },
    {
      name: 'renderer-engine-types-only',
      comment:
        'The UI thread may use only the types of the engine and the layers beneath it: the code runs in the snapshot worker.',
      severity: 'error',
      from: {
        path: '^renderer/',
        // The workers' own modules: the snapshot worker's, and its segment readers' (browser-segments.ts).
        pathNot: [
          '^renderer/host/(snapshot\\.worker|worker-source|segment-reader\\.worker|browser-segments)\\.ts$',
          ...TEST_CODE,
        ],
      },
      to: {
        path: '^shared/(engine|load|store|formats|xml|io|expression|report|training|compare|fix)/',
        // The training catalogue is plain data (cases and concept texts) the Training view lists.
        pathNot: ['^shared/training/catalogue\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'node-without-electron',
      comment: 'node/ runs in plain Node (the CLI and the snapshot worker): never electron/ or renderer/.',
      severity: 'error',
      from: { path: '^node/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'electron-not-renderer',
      comment: 'electron/ never imports the renderer.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'renderer-views-not-shell',
      comment: 'Views never import the shell (renderer/app) that mounts them; both use renderer/ui.',
      severity: 'error',
      from: { path: '^renderer/views/' },
      to: { path: '^renderer/app/' },
    },
    {
      name: 'renderer-common-is-generic',
      comment: 'renderer/views/common (the grid, chips, CSV) serves every view and imports none of them.',
      severity: 'error',
      from: { path: '^renderer/views/common/' },
      to: { path: '^renderer/views/(?!common/)' },
    },
    {
      name: 'renderer-ui-is-generic',
      comment: 'renderer/ui (contexts, tabs, splitter, navigation) imports neither the shell nor the views.',
      severity: 'error',
      from: { path: '^renderer/ui/' },
      to: { path: '^renderer/(app|views)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|release|test-results|\\.cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
}
