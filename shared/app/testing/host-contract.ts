import { afterEach, describe, expect, it } from 'vitest'
import { AD_CONNECTOR_ID } from '../../training/environment'
import { TRAINING_CASES } from '../../training/index'
import type { SnapshotState } from '../host-api'
import { ComparisonCore } from '../comparison-core'
import type { HostCore, WorkerStop } from '../host-core'
import { QUERY_NAMES, QUERY_TABLE, type QueryArgs } from '../query-table'

/** The snapshots every adapter can describe to its worker. */
export type ContractSnapshot =
  /** Two rules (one inbound, one outbound) and a metaverse schema, named "Contoso". */
  | 'small'
  /** A folder holding one text file and no snapshot file, named "Notes". */
  | 'not-a-snapshot'
  /** A small training snapshot (20 users), named "Training". */
  | 'training'
  /** One inbound rule whose load waits at its first file until `openGate`, named "Gated". */
  | 'gated'

/** One adapter's way of running a host core over a real session behind its own kind of link. */
export interface HostFixture<D> {
  readonly core: HostCore<D>
  describe(snapshot: ContractSnapshot): D
  /** Lets the gated load go on. */
  openGate(): void
  /** Makes the current worker stop on its own, as a crash or an out-of-memory would. */
  stopWorker(stop: WorkerStop): void
  /** Resolves once everything sent to the current worker so far has reached it (a message round trip). */
  delivered(): Promise<void>
  /** How many links (workers) the core has started. */
  links(): number
  /** Whether the most recently started worker has been stopped by the host. */
  lastClosed(): boolean
  dispose(): void
}

const NAMES: Readonly<Record<ContractSnapshot, string>> = {
  small: 'Contoso',
  'not-a-snapshot': 'Notes',
  training: 'Training',
  gated: 'Gated',
}

/** The seeded case the view-query checks follow: an attribute whose rule is out of scope. */
function outOfScopeCase(): (typeof TRAINING_CASES)[number] {
  const found = TRAINING_CASES.find((entry) => entry.code === 'RULE_OUT_OF_SCOPE')
  if (!found) throw new Error('the training snapshot has no RULE_OUT_OF_SCOPE case')
  return found
}

/** Resolves once the listener has seen a state of `phase`. */
function phaseReached<D>(core: HostCore<D>, phase: SnapshotState['phase']): Promise<SnapshotState> {
  return new Promise((resolve) => {
    if (core.getState().phase === phase) resolve(core.getState())
    const unsubscribe = core.onStateChange((state) => {
      if (state.phase !== phase) return
      unsubscribe()
      resolve(state)
    })
  })
}

/**
 * The behaviour every host adapter must show: the same suite runs over the Electron adapter (a worker
 * thread) and the browser adapter (a Web Worker), so the two cannot drift apart again.
 */
export function describeHostContract<D>(label: string, makeFixture: () => HostFixture<D>): void {
  describe(`host contract: ${label}`, () => {
    const fixtures: HostFixture<D>[] = []
    const fixture = (): HostFixture<D> => {
      const made = makeFixture()
      fixtures.push(made)
      return made
    }
    const open = (host: HostFixture<D>, snapshot: ContractSnapshot): ReturnType<HostCore<D>['open']> =>
      host.core.open(host.describe(snapshot), NAMES[snapshot])

    afterEach(() => {
      for (const made of fixtures.splice(0)) made.dispose()
    })

    it('starts empty, loads through the worker and answers rule queries', async () => {
      const host = fixture()
      const phases: string[] = []
      host.core.onStateChange((state) => phases.push(state.phase))

      expect(host.core.getState()).toEqual({ phase: 'empty' })
      const outcome = await open(host, 'small')

      expect(outcome).toBe('ready')
      expect(phases[0]).toBe('loading')
      expect(phases.at(-1)).toBe('ready')
      expect(host.core.getState()).toMatchObject({
        phase: 'ready',
        summary: { name: 'Contoso', rules: { total: 2 } },
      })
      const inbound = await host.core.query('rules', { direction: 'Inbound' })
      expect(inbound.map((rule) => rule.name)).toEqual(['In from AD - Staff Custom'])
      expect((await host.core.query('rule', inbound[0]?.id ?? ''))?.name).toBe('In from AD - Staff Custom')
    })

    it('reports a failed load with its issues and keeps the previous snapshot queryable', async () => {
      const host = fixture()
      await open(host, 'small')

      const outcome = await open(host, 'not-a-snapshot')

      expect(outcome).toBe('failed')
      const state = host.core.getState()
      expect(state).toMatchObject({ phase: 'failed', name: 'Notes' })
      expect(state.phase === 'failed' && state.message).toMatch(/Notes holds no snapshot file/)
      expect(state.phase === 'failed' && state.issues).toEqual([])
      expect(await host.core.query('rules', {})).toHaveLength(2)
    })

    it('returns at once to the previous state on cancel and ignores the load when it stops', async () => {
      const host = fixture()
      await open(host, 'small')
      const ready = host.core.getState()

      const loading = open(host, 'gated')
      expect(host.core.getState().phase).toBe('loading')
      host.core.cancel()
      expect(host.core.getState()).toBe(ready)
      await host.delivered()
      host.openGate()

      expect(await loading).toBe('cancelled')
      expect(host.core.getState()).toBe(ready)
      expect(await host.core.query('rules', {})).toHaveLength(2)
    })

    it('returns to the empty state when the first load is cancelled', async () => {
      const host = fixture()

      const loading = open(host, 'gated')
      host.core.cancel()
      await host.delivered()
      host.openGate()

      expect(await loading).toBe('cancelled')
      expect(host.core.getState()).toEqual({ phase: 'empty' })
    })

    it('shows a load that completed just as it was cancelled, because the worker now holds it', async () => {
      const host = fixture()
      await open(host, 'small')

      const loading = open(host, 'gated')
      host.core.cancel()
      host.openGate() // before the cancel message reaches the worker

      expect(await loading).toBe('ready')
      expect(host.core.getState()).toMatchObject({ phase: 'ready', summary: { name: 'Gated' } })
      expect(await host.core.query('rules', {})).toHaveLength(1)
    })

    it('supersedes a load in progress when another snapshot is opened', async () => {
      const host = fixture()
      const first = open(host, 'gated')

      const second = open(host, 'small')
      host.openGate()

      expect(await second).toBe('ready')
      expect(await first).toBe('superseded')
      expect(host.core.getState()).toMatchObject({ phase: 'ready', summary: { name: 'Contoso' } })
    })

    it('does not wait for a busy worker with nothing loaded: a fresh one takes the newer snapshot', async () => {
      const host = fixture()
      const first = open(host, 'gated')

      // The gate never opens: the first worker stays busy, as one generating the training snapshot does.
      const second = open(host, 'small')

      expect(await second).toBe('ready')
      expect(await first).toBe('superseded')
      expect(host.links()).toBe(2)
      expect(host.core.getState()).toMatchObject({ phase: 'ready', summary: { name: 'Contoso' } })
    })

    it('reports a snapshot refused before loading without dropping the loaded one', async () => {
      const host = fixture()
      await open(host, 'small')

      host.core.reject('x.zip', 'x.zip does not exist.')

      expect(host.core.getState()).toMatchObject({
        phase: 'failed',
        name: 'x.zip',
        message: 'x.zip does not exist.',
      })
      expect(await host.core.query('rules', {})).toHaveLength(2)
    })

    it('closes to the empty state, stops the worker and starts a new one for the next snapshot', async () => {
      const host = fixture()
      await open(host, 'small')

      host.core.close()

      expect(host.core.getState()).toEqual({ phase: 'empty' })
      expect(host.lastClosed()).toBe(true)
      expect(await host.core.query('rules', {})).toEqual([])
      expect(await host.core.query('rule', 'anything')).toBeNull()
      expect(await open(host, 'small')).toBe('ready')
      expect(host.links()).toBe(2)
    })

    it('reports a crashed worker, forgets its snapshot and recovers on the next open', async () => {
      const host = fixture()
      await open(host, 'small')

      const failed = phaseReached(host.core, 'failed')
      host.stopWorker({ outOfMemory: false, reason: 'it exited with code 1' })
      const state = await failed

      expect(state).toMatchObject({ phase: 'failed', name: 'Contoso' })
      expect(state.phase === 'failed' && state.message).toMatch(
        /stopped unexpectedly \(it exited with code 1\)/,
      )
      expect(await host.core.query('rules', {})).toEqual([])
      expect(await open(host, 'small')).toBe('ready')
      expect(host.links()).toBe(2)
    })

    it('says a snapshot needs more memory than allowed when the worker runs out during a load', async () => {
      const host = fixture()
      const loading = open(host, 'gated')

      host.stopWorker({ outOfMemory: true, reason: 'Worker terminated due to reaching memory limit' })

      expect(await loading).toBe('failed')
      const state = host.core.getState()
      expect(state).toMatchObject({ phase: 'failed', name: 'Gated' })
      expect(state.phase === 'failed' && state.message).toMatch(
        /^This snapshot needs more memory than SyncLens allows: Gated\./,
      )
    })

    it('stops telling a listener once it unsubscribes', () => {
      const host = fixture()
      const seen: string[] = []
      const unsubscribe = host.core.onStateChange((state) => seen.push(state.phase))

      host.core.reject('a', 'first')
      unsubscribe()
      host.core.reject('b', 'second')

      expect(seen).toEqual(['failed'])
    })

    it('forwards every view query to the worker once a snapshot is loaded', async () => {
      const host = fixture()
      const seeded = outOfScopeCase()
      await open(host, 'training')
      const { core } = host

      const found = await core.query('searchConnectorSpace', {
        connectorId: AD_CONNECTOR_ID,
        query: { scope: 'dn', value: seeded.dn },
        columns: ['displayName'],
        offset: 0,
        limit: 10,
      })
      const csId = found.rows[0]?.id ?? ''
      const csObject = await core.query('csObject', csId)
      const report = await core.query('objectReport', { csId })
      const diagnosis = await core.query('diagnose', { csId, attribute: seeded.attribute })
      const imported = report?.importFlow.find((row) => row.mvAttribute === seeded.attribute)
      const detail = await core.query('flowDetail', {
        ruleId: imported?.rule.id ?? '',
        target: seeded.attribute,
        csId,
      })
      const attributes = await core.query('metaverseAttributes')
      const objectFile = await core.query('report', { format: 'json', objectCsId: csId })
      const summary = await core.query('summary')

      expect(found).toMatchObject({ total: 1, offset: 0, rows: [{ dn: seeded.dn }] })
      expect(csObject?.dn).toBe(seeded.dn)
      expect(report?.metaverse?.id).toBe(csObject?.mvLink?.mvObjectId)
      expect(diagnosis?.verdict).toBe('RULE_OUT_OF_SCOPE')
      expect(imported?.status).toBe('out-of-scope')
      expect(detail).toMatchObject({ rule: { id: imported?.rule.id }, scope: { inScope: false } })
      expect(attributes).toContain('displayName')
      expect(objectFile).toMatchObject({ mimeType: 'application/json;charset=utf-8' })
      expect('content' in objectFile && JSON.parse(objectFile.content)).toMatchObject({ kind: 'object' })
      const state = core.getState()
      expect(state.phase === 'ready' && state.summary).toEqual(summary)
    })

    it('pages through an earlier Metaverse Search by its id without searching again', async () => {
      const host = fixture()
      await open(host, 'training')
      const query = { objectType: 'person', groups: [] }

      const first = await host.core.query('searchMetaverse', {
        query,
        columns: ['displayName'],
        offset: 0,
        limit: 5,
      })
      const second = await host.core.query('searchMetaverse', {
        query,
        columns: ['displayName'],
        offset: 5,
        limit: 5,
        searchId: first.searchId,
      })

      expect(first.total).toBeGreaterThan(10)
      expect(first.rows).toHaveLength(5)
      expect(second).toMatchObject({ searchId: first.searchId, total: first.total, offset: 5, elapsedMs: 0 })
      expect(second.rows.map((row) => row.id)).not.toContain(first.rows[0]?.id)
    })

    describe('comparison', () => {
      const compare = (host: HostFixture<D>, core: ComparisonCore<D>, snapshot: ContractSnapshot) =>
        core.open(host.describe(snapshot), NAMES[snapshot])

      it('loads a second snapshot beside the open one, compares them and computes the impact', async () => {
        const host = fixture()
        const comparison = new ComparisonCore(host.core)
        const phases: string[] = []
        comparison.onStateChange((state) => phases.push(state.phase))
        await open(host, 'training')

        expect(await compare(host, comparison, 'small')).toBe('ready')
        expect([phases[0], phases.at(-1)]).toEqual(['loading', 'ready'])
        expect(comparison.getState()).toMatchObject({
          phase: 'ready',
          summary: { name: 'Contoso' },
          impact: { phase: 'idle' },
        })
        const overview = await host.core.query('comparison')
        expect(overview?.a.name).toMatch(/training/i)
        expect(overview?.b.name).toBe('Contoso')
        expect(overview?.configuration.differenceCount).toBeGreaterThan(0)

        await comparison.computeImpact()
        const state = comparison.getState()
        expect(state.phase === 'ready' && state.impact.phase).toBe('done')
        const summary = state.phase === 'ready' && state.impact.phase === 'done' ? state.impact.summary : null
        expect(summary?.mode).toBe('a-objects')
        const page = await host.core.query('comparisonImpact', { offset: 0, limit: 5, event: 'deleted' })
        expect(page.total).toBe(summary?.counts.deleted)
        expect(page.rows.length).toBe(Math.min(5, page.total))
        expect(await host.core.query('comparisonReport', { format: 'html' })).toMatchObject({
          fileName: expect.stringMatching(/^synclens-compare-.*training.*-Contoso-\d{4}-\d{2}-\d{2}\.html$/),
        })
      })

      it('cancels the impact at once, and drops the comparison when the open snapshot changes', async () => {
        const host = fixture()
        const comparison = new ComparisonCore(host.core)
        await open(host, 'training')
        await compare(host, comparison, 'small')

        const running = comparison.computeImpact()
        comparison.cancelImpact()
        expect(comparison.getState()).toMatchObject({ phase: 'ready', impact: { phase: 'idle' } })
        await running
        expect(comparison.getState()).toMatchObject({ phase: 'ready', impact: { phase: 'idle' } })

        await open(host, 'small')
        expect(comparison.getState()).toEqual({ phase: 'none' })
        expect(await host.core.query('comparison')).toBeNull()
      })

      it('refuses to compare before a snapshot is open, and frees the compared one on close', async () => {
        const host = fixture()
        const comparison = new ComparisonCore(host.core)

        expect(await compare(host, comparison, 'small')).toBe('failed')
        expect(comparison.getState()).toMatchObject({ phase: 'failed', message: /Open a snapshot first/ })

        await open(host, 'training')
        await compare(host, comparison, 'small')
        await comparison.close()
        expect(comparison.getState()).toEqual({ phase: 'none' })
        expect(await host.core.query('comparison')).toBeNull()
      })
    })

    it("answers every query with the table's empty answer before a load, after closing and after a crash", async () => {
      const host = fixture()
      const { core } = host
      // Without a loaded snapshot no query reaches the worker, so every name is asked without arguments.
      const askAll = (): Promise<readonly unknown[]> =>
        Promise.all(QUERY_NAMES.map((name) => core.query(name, ...([] as unknown as QueryArgs<typeof name>))))
      const expected = QUERY_NAMES.map((name) => QUERY_TABLE[name].empty)

      const before = await askAll()
      await open(host, 'training')
      core.close()
      const closed = await askAll()
      await open(host, 'training')
      const failed = phaseReached(core, 'failed')
      host.stopWorker({ outOfMemory: false, reason: 'killed' })
      await failed
      const crashed = await askAll()

      expect(before).toEqual(expected)
      expect(closed).toEqual(expected)
      expect(crashed).toEqual(expected)
    })
  })
}
