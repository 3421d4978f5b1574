import { createSnapshotSession, type SnapshotSession } from '../../../shared/app/session'
import { TRAINING_CASES, generateTrainingSnapshot } from '../../../shared/training/index'

/** A session holding a small training snapshot (the seeded cases plus a few generated people). Tests only. */
export async function trainingSession(users = 10): Promise<SnapshotSession> {
  const session = createSnapshotSession()
  await session.load(generateTrainingSnapshot({ users }), () => undefined, { aborted: false })
  return session
}

/** The connector-space id of a training case's object, found through Search Connector Space by DN. Tests only. */
export function caseCsId(session: SnapshotSession, caseId: string): string {
  const found = TRAINING_CASES.find((candidate) => candidate.id === caseId)
  if (!found) throw new Error(`No training case ${caseId}`)
  const connector = session.summary()?.connectors.find((candidate) => candidate.name === found.connector)
  if (!connector) throw new Error(`No connector ${found.connector}`)
  const page = session.searchConnectorSpace({
    connectorId: connector.id,
    query: { scope: 'dn', value: found.dn },
    columns: [],
    offset: 0,
    limit: 1,
  })
  const row = page.rows[0]
  if (!row) throw new Error(`No object ${found.dn}`)
  return row.id
}
