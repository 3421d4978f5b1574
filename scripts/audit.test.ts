import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ALLOWLIST_FILE, findingsOf, judge, readAllowlist } from './audit.mjs'

// The shape of `npm audit --json` (report version 2): a vulnerable package lists its advisories, and a package
// that is vulnerable only through a dependency names that dependency instead.
const REPORT = {
  auditReportVersion: 2,
  vulnerabilities: {
    'archive-reader': {
      name: 'archive-reader',
      severity: 'high',
      isDirect: false,
      via: [
        {
          source: 1101,
          name: 'archive-reader',
          dependency: 'archive-reader',
          title: 'Path traversal when extracting',
          url: 'https://github.com/advisories/GHSA-2222-3333-4444',
          severity: 'high',
          range: '<2.1.2',
        },
      ],
      range: '<2.1.2',
      fixAvailable: true,
    },
    'binary-installer': {
      name: 'binary-installer',
      severity: 'high',
      isDirect: false,
      via: ['archive-reader'],
      range: '*',
      fixAvailable: true,
    },
  },
  metadata: { dependencies: { total: 500 } },
}

const ACCEPTED = {
  advisory: 'GHSA-2222-3333-4444',
  package: 'archive-reader',
  reason: 'Only the packaging tool extracts archives, and only archives it built itself.',
  reviewed: '2026-12-06',
}

describe('the dependency audit', () => {
  it('reads each advisory once, with the package it affects', () => {
    expect(findingsOf(REPORT)).toEqual([
      {
        advisory: 'GHSA-2222-3333-4444',
        package: 'archive-reader',
        severity: 'high',
        title: 'Path traversal when extracting',
        range: '<2.1.2',
      },
    ])
  })

  it('passes when every advisory is accepted, and fails on one that is not', () => {
    const findings = findingsOf(REPORT)

    expect(judge(findings, [ACCEPTED])).toEqual({ ok: true, unexplained: [], stale: [] })
    expect(judge(findings, [])).toMatchObject({ ok: false, unexplained: findings })
  })

  it('fails on an accepted advisory that is no longer reported, so the list stays true', () => {
    expect(judge([], [ACCEPTED])).toEqual({ ok: false, unexplained: [], stale: [ACCEPTED] })
  })

  it.each([
    [{ ...ACCEPTED, reason: 'fine' }, '"reason" must say why SyncLens is not exposed'],
    [{ ...ACCEPTED, advisory: 'CVE-2024-1234' }, '"advisory" must be a GitHub advisory id'],
    [{ ...ACCEPTED, reviewed: 'today' }, '"reviewed" must be the day of the review'],
    [{ ...ACCEPTED, package: '' }, '"package" must name the affected package'],
  ])('refuses an allow-list entry without its explanation: %j', (entry, problem) => {
    const { entries, problems } = readAllowlist(JSON.stringify({ accepted: [entry] }))

    expect(entries).toEqual([])
    expect(problems).toEqual([expect.stringContaining(problem)])
  })

  it('has an allow-list in the project whose every entry is explained', () => {
    const { problems } = readAllowlist(fs.readFileSync(path.resolve(__dirname, '..', ALLOWLIST_FILE), 'utf8'))

    expect(problems).toEqual([])
  })
})
