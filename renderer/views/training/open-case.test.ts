import { beforeAll, describe, expect, it } from 'vitest'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import { createSnapshotSession } from '../../../shared/app/session'
import { generateTrainingSnapshot, TRAINING_CASES } from '../../../shared/training/index'
import { lookUpCase, type CaseSearchHost } from './open-case'

const NEVER_ABORTED = { aborted: false }

describe('lookUpCase on the training snapshot', () => {
  const session = createSnapshotSession()
  const host: CaseSearchHost = {
    searchConnectorSpace: async (request) => session.searchConnectorSpace(request),
  }
  let summary: SnapshotSummary

  beforeAll(async () => {
    summary = await session.load(generateTrainingSnapshot({ users: 40 }), () => undefined, NEVER_ABORTED)
  }, 60_000)

  it.each(TRAINING_CASES.map((trainingCase) => [trainingCase.id, trainingCase] as const))(
    'finds the object of %s and opens it diagnosed on its attribute',
    async (_id, trainingCase) => {
      const lookup = await lookUpCase(host, summary, trainingCase)

      expect(lookup.kind).toBe('found')
      if (lookup.kind !== 'found' || lookup.route.view !== 'object') return
      expect(lookup.route.attribute).toBe(trainingCase.attribute)
      expect(lookup.route.diagnose).toBe(true)
      const csId = 'csId' in lookup.route.target ? lookup.route.target.csId : ''
      expect(session.csObject(csId)?.dn.toLowerCase()).toBe(trainingCase.dn.toLowerCase())
    },
  )

  it('says what is missing when the DN is not in the connector space', async () => {
    const [first] = TRAINING_CASES
    if (!first) throw new Error('The training snapshot has no cases.')

    const lookup = await lookUpCase(host, summary, { ...first, dn: 'CN=Nobody,OU=Corp,DC=contoso,DC=com' })

    expect(lookup).toEqual({
      kind: 'missing',
      message:
        'CN=Nobody,OU=Corp,DC=contoso,DC=com is not in the contoso.com connector space of this snapshot.',
    })
  })

  it('says to open the training snapshot when the connector is absent', async () => {
    const [first] = TRAINING_CASES
    if (!first) throw new Error('The training snapshot has no cases.')

    const lookup = await lookUpCase(host, { ...summary, connectors: [] }, first)

    expect(lookup.kind).toBe('missing')
    expect(lookup.kind === 'missing' ? lookup.message : '').toContain('Open the training snapshot')
  })

  it('turns a failed search into a message', async () => {
    const [first] = TRAINING_CASES
    if (!first) throw new Error('The training snapshot has no cases.')
    const failing: CaseSearchHost = {
      searchConnectorSpace: async () => {
        throw new Error('The snapshot worker stopped.')
      },
    }

    const lookup = await lookUpCase(failing, summary, first)

    expect(lookup).toEqual({
      kind: 'missing',
      message: `The search for ${first.dn} failed: The snapshot worker stopped.`,
    })
  })
})
