import { describe, expect, it } from 'vitest'
import { IssueCollector, loadIssue } from './load-issue'

describe('IssueCollector', () => {
  it('keeps the first issues of each file and counts the rest in one line per file', () => {
    const issues = new IssueCollector(2)
    for (let index = 1; index <= 5; index++) issues.push(loadIssue('warning', 'a.ps1', `problem ${index}`))
    issues.push(loadIssue('error', 'a.ps1', 'an error past the cap'))
    issues.push(loadIssue('error', 'b.xml', 'only problem'))

    expect(issues.list().map((issue) => [issue.severity, issue.file, issue.message])).toEqual([
      ['warning', 'a.ps1', 'problem 1'],
      ['warning', 'a.ps1', 'problem 2'],
      ['error', 'b.xml', 'only problem'],
      [
        'error',
        'a.ps1',
        '4 more problem(s) in this file are not listed (1 of them errors); the first 2 are. Fix those and open the snapshot again to see the rest.',
      ],
    ])
  })

  it('takes 300,000 issues of one file without spreading them', () => {
    const issues = new IssueCollector()
    const many = Array.from({ length: 300_000 }, (_, index) => loadIssue('warning', 'big.xml', `w${index}`))

    issues.pushAll(many)

    const list = issues.list()
    expect(list).toHaveLength(1001)
    expect(list.at(-1)?.message).toMatch(
      /^299,000 more problem\(s\) in this file are not listed; the first 1,000/,
    )
  })
})
