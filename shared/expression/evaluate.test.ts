import { describe, expect, it } from 'vitest'
import type { ExprNode } from './ast'
import { compileExpression } from './compile-expression'
import { evaluateAst, evaluateExpression } from './evaluate'
import { MAX_TRACE_STEPS } from './limits'
import { outcomeOf, run, testContext, valueOf } from './testing/eval-helpers'

const proxyAddresses = ['SMTP:joe@contoso.com', 'SIP:joe@contoso.com', 'smtp:j@contoso.com']

describe('evaluateExpression: operators', () => {
  it.each([
    ['2*5+3', 13],
    ['2+5*3', 21],
    ['2*(5+3)', 16],
    ['10-2-3', 5],
    ['20/2/5', 2],
    ['7/2', 3],
    ['-7/2', -3],
    ['"a" & 1 & True', 'a1True'],
    ['1 = "1"', true],
    ['[number] = "42"', true],
    ['"10" > 9', true],
    ['"abc" < "abd"', true],
    ['"abc" = "ABC"', false],
    ['[flag] = True', true],
    ['[flagText] = True', true],
    ['"TRUE" = True', true],
    ['[flag] = "true"', true],
    ['CRef("CN=A,DC=x") = "cn=a,dc=x"', true],
    ['CDate("2020-01-01") < Now()', true],
    ['1 <> 2', true],
    ['2 >= 2', true],
    ['2 <= 1', false],
    ['True || Error("not evaluated")', true],
    ['False && Error("not evaluated")', false],
    ['1 = 1 && 2 = 2', true],
    ['1 = 2 || 2 = 2', true],
    ['[bin] & [bin]', new Uint8Array([1, 2, 1, 2])],
  ])('%s = %j', (expression, expected) => {
    const attributes = { number: 42, flag: true, flagText: 'TRUE', bin: new Uint8Array([1, 2]) }

    expect(valueOf(expression, { attributes })).toEqual(expected)
  })

  it.each([
    ['"a" + "b"', 'use & to join strings'],
    ['1 / 0', 'Division by zero'],
    ['"a" * 2', 'The * operator expects a number'],
    ['[bin] & "x"', 'joins binary only with binary'],
    ['[bin] = "x"', 'Cannot compare binary with string'],
    ['IIF("maybe", 1, 2)', 'IIF condition expects a boolean'],
    [
      '9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992 * 9007199254740992',
      'too large',
    ],
  ])('%s is a type error mentioning %j', (expression, fragment) => {
    const outcome = outcomeOf(expression, { attributes: { bin: new Uint8Array([1]) } })

    expect(outcome).toMatchObject({ kind: 'error', raised: false })
    expect(outcome.kind === 'error' && outcome.message).toContain(fragment)
  })
})

describe('evaluateExpression: NULL, AuthoritativeNull and IgnoreThisFlow', () => {
  it.each([
    ['NULL', { kind: 'null' }],
    ['[missing]', { kind: 'null' }],
    ['AuthoritativeNull', { kind: 'authoritativeNull' }],
    ['IgnoreThisFlow', { kind: 'ignoreThisFlow' }],
    ['IIF(IsNullOrEmpty([usageLocation]),IgnoreThisFlow,[usageLocation])', { kind: 'ignoreThisFlow' }],
    ['IIF(True, AuthoritativeNull, "x")', { kind: 'authoritativeNull' }],
    ['Trim(IgnoreThisFlow)', { kind: 'ignoreThisFlow' }],
    ['[missing] & "x"', { kind: 'value', value: 'x' }],
    ['[missing] & [missing]', { kind: 'null' }],
    ['[missing] + 1', { kind: 'null' }],
    ['[missing] = "x"', { kind: 'value', value: false }],
    ['[missing] <> "x"', { kind: 'value', value: false }],
    ['IIF([missing], "yes", "no")', { kind: 'value', value: 'no' }],
    ['CBool(NULL) || True', { kind: 'value', value: true }],
    ['Left([missing], 14) = "SystemMailbox{"', { kind: 'value', value: false }],
    ['CRLF', { kind: 'value', value: '\r\n' }],
  ])('%s gives %j', (expression, expected) => {
    expect(outcomeOf(expression)).toEqual(expected)
  })
})

describe('evaluateExpression: multi-valued attributes', () => {
  it('applies a per-value function to every value', () => {
    expect(valueOf('Trim([otherPhone])', { attributes: { otherPhone: [' 1 ', '2 '] } })).toEqual(['1', '2'])
  })

  it('drops the values an IIF maps to NULL (the reference removes SIP addresses this way)', () => {
    const value = valueOf('IIF(InStr([proxyAddresses],"SIP:")=1,NULL,[proxyAddresses])', {
      attributes: { proxyAddresses },
    })

    expect(value).toEqual(['SMTP:joe@contoso.com', 'smtp:j@contoso.com'])
  })

  it('rewrites the domain of every address with Word and &', () => {
    const value = valueOf('Word([proxyAddresses],1,"@") & "@fabrikam.com"', {
      attributes: { proxyAddresses },
    })

    expect(value).toEqual(['SMTP:joe@fabrikam.com', 'SIP:joe@fabrikam.com', 'smtp:j@fabrikam.com'])
  })

  it('compares each value and chooses per value', () => {
    const value = valueOf('IIF([n] > 1, "big", "small")', { attributes: { n: [1, 2, 3] } })

    expect(value).toEqual(['small', 'big', 'big'])
  })

  it('gives NULL when every value is dropped', () => {
    expect(outcomeOf('IIF(True, NULL, [a])', { attributes: { a: ['x'] } })).toEqual({ kind: 'null' })
    expect(outcomeOf('IIF([a] = "x", NULL, [a])', { attributes: { a: ['x', 'x'] } })).toEqual({
      kind: 'null',
    })
  })

  it('passes whole lists to Count, Item and Join', () => {
    expect(valueOf('Count(Trim([proxyAddresses]))', { attributes: { proxyAddresses } })).toBe(3)
    expect(valueOf('Join(Left([proxyAddresses],4),"|")', { attributes: { proxyAddresses } })).toBe(
      'SMTP|SIP:|smtp',
    )
  })

  it('keeps a one-value multi-valued attribute multi-valued', () => {
    expect(valueOf('Trim([description])', { attributes: { description: [' text '] } })).toEqual(['text'])
  })

  it('removes duplicates of trimmed imported proxy addresses as the default rules do', () => {
    const imported = { proxyAddresses: ['smtp:a@x ', 'smtp:a@x', 'SMTP:b@x'] }

    expect(valueOf('RemoveDuplicates(Trim(ImportedValue("proxyAddresses")))', { imported })).toEqual([
      'smtp:a@x',
      'SMTP:b@x',
    ])
  })
})

describe('evaluateExpression: program flow', () => {
  it('evaluates only the chosen IIF branch', () => {
    expect(valueOf('IIF(True, "yes", Error("no"))')).toBe('yes')
    expect(outcomeOf('IIF(False, "yes", Error("no"))')).toMatchObject({
      kind: 'error',
      message: 'no',
      raised: true,
    })
  })

  it('Switch returns the value of the first true condition and evaluates no other value', () => {
    const expression =
      'Switch([city] = "London", "English", [city] = "Rome", "Italian", [city] = "Paris", "French", True, Error("Unknown city"))'

    expect(valueOf(expression, { attributes: { city: 'Rome' } })).toBe('Italian')
    expect(outcomeOf(expression, { attributes: { city: 'Oslo' } })).toMatchObject({ message: 'Unknown city' })
    expect(outcomeOf('Switch(False, 1)')).toEqual({ kind: 'null' })
  })

  it('With binds a sub-expression; Where filters and Select maps the values', () => {
    const attributes = { otherPhone: ['555-1234', '555-98-76'], n: [1, 5, 10] }

    expect(valueOf('Select($item,[otherPhone],Replace($item,"-",""))', { attributes })).toEqual([
      '5551234',
      '5559876',
    ])
    expect(valueOf('Where($v,[n],$v > 3)', { attributes })).toEqual([5, 10])
    expect(outcomeOf('Where($v,[n],$v > 30)', { attributes })).toEqual({ kind: 'null' })
    expect(valueOf('With($x,Count([n]),$x * $x)', { attributes })).toBe(9)
    expect(valueOf('With($c,Where($v,[n],$v > 3),IIF(Count($c)>0,$c,NULL))', { attributes })).toEqual([5, 10])
  })
})

describe('evaluateExpression: parameters and attributes read', () => {
  it('reads parameters and names an unknown one', () => {
    const parameters = { 'Domain.FQDN': 'contoso.com' }

    expect(valueOf('"x@" & %Domain.FQDN%', { parameters })).toBe('x@contoso.com')
    expect(outcomeOf('"x@" & %Forest.LDAP%', { parameters })).toEqual({
      kind: 'error',
      message: 'Unknown parameter %Forest.LDAP%: the connector does not define it.',
      position: 7,
      raised: false,
    })
  })

  it('lists the attributes read in order of first use, only those actually evaluated', () => {
    const evaluation = run('IIF(IsPresent([b]), [a] & [b] & [a], [c])', { attributes: { a: 'A', b: 'B' } })

    expect(evaluation.attributesRead).toEqual(['b', 'a'])
  })

  it('reads attribute names that are property names of plain objects', () => {
    const attributes = new Map<string, string>([
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ])
    const context = { attribute: (name: string) => attributes.get(name), parameter: () => undefined }
    const compiled = compileExpression('[__proto__] & [constructor] & [toString]')
    if (!compiled.ok) throw new Error(compiled.error.message)

    expect(evaluateAst(compiled.ast, context).outcome).toEqual({ kind: 'value', value: 'pc' })
  })
})

describe('evaluateExpression: trace', () => {
  it('records calls, operators and reads with their text, depth, inputs and result in evaluation order', () => {
    const text = 'IIF(IsPresent([cn]),[cn] & "!",NULL)'

    const { trace } = run(text, { attributes: { cn: 'Joe' } }, true)

    expect(trace).toEqual([
      { text: '[cn]', position: 14, depth: 2, inputs: [], result: '"Joe"' },
      { text: 'IsPresent([cn])', position: 4, depth: 1, inputs: ['"Joe"'], result: 'True' },
      { text: '[cn]', position: 20, depth: 2, inputs: [], result: '"Joe"' },
      { text: '[cn] & "!"', position: 20, depth: 1, inputs: ['"Joe"', '"!"'], result: '"Joe!"' },
      { text, position: 0, depth: 0, inputs: ['True', '"Joe!"', '(not evaluated)'], result: '"Joe!"' },
    ])
  })

  it('renders binary, multi-values, NULL and parameters', () => {
    const { trace } = run(
      'IIF(IsNull([x]), ConvertToBase64([bin]) & %P%, [list])',
      {
        attributes: { bin: new Uint8Array([1, 2, 3]), list: ['a'] },
        parameters: { P: '!' },
      },
      true,
    )

    expect(trace.map((step) => [step.text, step.result])).toEqual([
      ['[x]', 'NULL'],
      ['IsNull([x])', 'True'],
      ['[bin]', 'bin:AQID'],
      ['ConvertToBase64([bin])', '"AQID"'],
      ['%P%', '"!"'],
      ['ConvertToBase64([bin]) & %P%', '"AQID!"'],
      ['IIF(IsNull([x]), ConvertToBase64([bin]) & %P%, [list])', '"AQID!"'],
    ])
  })

  it('is empty when tracing is off', () => {
    expect(run('Trim([a])', { attributes: { a: 'x' } }).trace).toEqual([])
  })
})

describe('evaluateExpression: errors and limits', () => {
  it('turns a syntax error into an error outcome with its position', () => {
    expect(outcomeOf('Trim([a]')).toEqual({
      kind: 'error',
      message: 'Expected "," or ")" in the arguments of Trim but found the end of the expression.',
      position: 8,
      raised: false,
    })
  })

  it('reports the position of the failing call', () => {
    expect(outcomeOf('Trim("ok") & CNum("x")')).toMatchObject({ kind: 'error', position: 13 })
  })

  it('stops after maxSteps', () => {
    const context = testContext({ attributes: { n: Array.from({ length: 500 }, (_, index) => index) } })
    const compiled = compileExpression('Select($i,[n],Select($j,[n],$i + $j))')
    if (!compiled.ok) throw new Error(compiled.error.message)

    const { outcome } = evaluateAst(compiled.ast, context, { maxSteps: 10_000 })

    expect(outcome).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('stopped after 10000 steps'),
    })
  })

  it('refuses to build strings over 1 MiB', () => {
    const outcome = outcomeOf('With($a, PadLeft("x", 600000, "x"), $a & $a)')

    expect(outcome).toMatchObject({ kind: 'error', message: expect.stringContaining('longer than 1 MiB') })
  })

  it('evaluates a hand-built AST nested far deeper than the parser allows without a stack overflow', () => {
    let ast: ExprNode = { kind: 'string', value: 'x', span: { start: 0, end: 0 } }
    for (let i = 0; i < 100_000; i++)
      ast = { kind: 'call', name: 'Trim', args: [ast], span: { start: 0, end: 0 } }

    const { outcome } = evaluateAst(ast, testContext(), { maxSteps: 1_000_000 })

    expect(outcome).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('nests deeper than 500'),
    })
  })

  it('evaluates a long left-to-right chain iteratively', () => {
    const chain = Array.from({ length: 10_000 }, () => '1').join(' + ')

    expect(evaluateAst(parseOrThrow(chain), testContext(), { maxSteps: 100_000 }).outcome).toEqual({
      kind: 'value',
      value: 10_000,
    })
  })

  it('reuses the parsed tree of a text it has seen', () => {
    expect(compileExpression('Trim([cn])')).toBe(compileExpression('Trim([cn])'))
  })
})

function parseOrThrow(text: string): ExprNode {
  const compiled = compileExpression(text)
  if (!compiled.ok) throw new Error(compiled.error.message)
  return compiled.ast
}

describe('trace size', () => {
  it('stops recording after MAX_TRACE_STEPS steps but still evaluates to the end', () => {
    const text = Array.from({ length: 3000 }, () => '"a"').join(' & ')

    const { outcome, trace } = evaluateExpression(
      text,
      { attribute: () => undefined, parameter: () => undefined },
      { trace: true },
    )

    expect(outcome).toEqual({ kind: 'value', value: 'a'.repeat(3000) })
    expect(trace).toHaveLength(MAX_TRACE_STEPS + 1)
    expect(trace.at(-1)?.result).toContain(`trace stops after ${MAX_TRACE_STEPS} steps`)
  })
})
