import { describe, expect, it } from 'vitest'
import { runEvalCommand } from './cli-eval'

describe('runEvalCommand', () => {
  it.each([
    ['Trim([cn])', ['cn=  Joe '], [], { value: 'Joe', kind: 'value' }],
    ['Trim([Mail])', ['mail= a@x '], [], { value: 'a@x', kind: 'value' }],
    ['[n] + 1', ['n=41'], [], { value: 42, kind: 'value' }],
    ['[flag] = True', ['flag=TRUE'], [], { value: true, kind: 'value' }],
    ['[text]', ['text=12a'], [], { value: '12a', kind: 'value' }],
    ['[proxy]', ['proxy=smtp:a@x', 'proxy=SMTP:b@x'], [], { value: ['smtp:a@x', 'SMTP:b@x'], kind: 'value' }],
    ['[eq]', ['eq=a=b'], [], { value: 'a=b', kind: 'value' }],
    [
      '[sAMAccountName] & "@" & %Domain.FQDN%',
      ['sAMAccountName=joe'],
      ['Domain.FQDN=contoso.com'],
      { value: 'joe@contoso.com', kind: 'value' },
    ],
    [
      'CGuid("00112233-4455-6677-8899-aabbccddeeff")',
      [],
      [],
      { value: 'MyIRAFVEd2aImaq7zN3u/w==', kind: 'value' },
    ],
    ['DateFromNum(129699324000000000)', [], [], { value: '2012-01-01T23:00:00Z', kind: 'value' }],
    ['CRef("CN=x")', [], [], { value: 'CN=x', kind: 'value' }],
    ['NULL', [], [], { value: null, kind: 'null' }],
    ['AuthoritativeNull', [], [], { value: null, kind: 'authoritativeNull' }],
    [
      'IIF(IsNullOrEmpty([usageLocation]),IgnoreThisFlow,[usageLocation])',
      [],
      [],
      { value: null, kind: 'ignoreThisFlow' },
    ],
  ])('%s with %j %j prints %j', (expression, attrs, params, json) => {
    expect(runEvalCommand(expression, attrs, params)).toEqual({ exitCode: 0, json })
  })

  it.each([
    ['Trim(', [], [], { error: 'Expected a value but found the end of the expression.', position: 5 }],
    ['Error("boom")', [], [], { error: 'boom', position: 0 }],
    [
      '%Domain.FQDN%',
      [],
      [],
      { error: 'Unknown parameter %Domain.FQDN%: the connector does not define it.', position: 0 },
    ],
  ])('%s with %j %j fails with exit code 3 and %j', (expression, attrs, params, json) => {
    expect(runEvalCommand(expression, attrs, params)).toEqual({ exitCode: 3, json })
  })

  it.each([
    ['[a]', ['novalue'], [], { error: '--attr "novalue" must be written NAME=VALUE.', position: null }],
    ['[a]', [], ['=x'], { error: '--param "=x" must be written NAME=VALUE.', position: null }],
  ])('%s with %j %j is a usage error (exit code 2): %j', (expression, attrs, params, json) => {
    expect(runEvalCommand(expression, attrs, params)).toEqual({ exitCode: 2, json })
  })
})
