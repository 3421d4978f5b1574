import { describe, expect, it } from 'vitest'
import { formatLoadIssue, loadIssue } from '../model/load-issue'
import { failureIssues } from './load-failure'

describe('failureIssues', () => {
  it('reads file, line and column back from a message formatted by formatLoadIssue', () => {
    const message = formatLoadIssue(
      loadIssue('error', 'SynchronizationRules/r.xml', 'Unclosed tag <scope>. Re-export it.', {
        line: 12,
        column: 5,
      }),
    )

    expect(failureIssues(message, 'Contoso')).toEqual([
      {
        severity: 'error',
        file: 'SynchronizationRules/r.xml',
        line: 12,
        column: 5,
        message: 'Unclosed tag <scope>. Re-export it.',
      },
    ])
  })

  it('keeps a Windows drive letter in the file', () => {
    expect(failureIssues('C:\\snap\\MV.xml:3:9: Bad attribute.', 'snap')[0]).toMatchObject({
      file: 'C:\\snap\\MV.xml',
      line: 3,
      column: 9,
      message: 'Bad attribute.',
    })
  })

  it('lists nothing for a message about the snapshot as a whole: the message itself says it', () => {
    expect(failureIssues('C:\\snap does not exist. Check the path.', 'snap')).toEqual([])
  })
})
