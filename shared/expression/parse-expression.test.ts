import { describe, expect, it } from 'vitest'
import type { ExprNode } from './ast'
import { parseExpression } from './parse-expression'

function parse(text: string): ExprNode {
  const result = parseExpression(text)
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.position}`)
  return result.ast
}

/** The tree as nested text, to check grouping. */
function shape(node: ExprNode): string {
  switch (node.kind) {
    case 'binary':
      return `(${shape(node.left)} ${node.operator} ${shape(node.right)})`
    case 'call':
      return `${node.name}(${node.args.map(shape).join(', ')})`
    case 'attribute':
      return `[${node.name}]`
    case 'parameter':
      return `%${node.name}%`
    case 'variable':
      return `$${node.name}`
    case 'string':
      return JSON.stringify(node.value)
    case 'number':
    case 'boolean':
      return String(node.value)
    case 'constant':
    case 'enum':
      return node.name
  }
}

function failure(text: string): { readonly message: string; readonly position: number } {
  const result = parseExpression(text)
  if (result.ok) throw new Error(`"${text}" parsed`)
  return result.error
}

describe('parseExpression', () => {
  it.each([
    ['[a] || [b] && [c]', '(([a] || [b]) && [c])'],
    ['2*5+3', '((2 * 5) + 3)'],
    ['2+5*3', '((2 + 5) * 3)'],
    ['2*(5+3)', '(2 * (5 + 3))'],
    ['10-2-3', '((10 - 2) - 3)'],
    ['[a] & "x" = "y" & [b]', '(([a] & "x") = ("y" & [b]))'],
    ['[a] = 1 = True', '(([a] = 1) = true)'],
    ['IsPresent([a]) = False || [b] = "c"', '((IsPresent([a]) = false) || ([b] = "c"))'],
    ['[a] = 1 && [b] > 2 || [c] <> 3', '((([a] = 1) && ([b] > 2)) || ([c] <> 3))'],
  ])(
    'operators of a level have no precedence, comparisons bind tighter than && and ||: %s is %s',
    (text, expected) => {
      expect(shape(parse(text))).toBe(expected)
    },
  )

  it('reads negative number literals, including after an operator', () => {
    expect(shape(parse('BitAnd([groupType],-2147483648)'))).toBe('BitAnd([groupType], -2147483648)')
    expect(shape(parse('3 - -2'))).toBe('(3 - -2)')
    expect(shape(parse('7-2'))).toBe('(7 - 2)')
  })

  it('reads constants, option constants and booleans', () => {
    expect(shape(parse('IIF(True,NULL,IgnoreThisFlow)'))).toBe('IIF(true, NULL, IgnoreThisFlow)')
    expect(shape(parse('ConvertFromBase64("x",UTF8)'))).toBe('ConvertFromBase64("x", UTF8)')
    expect(shape(parse('AuthoritativeNull'))).toBe('AuthoritativeNull')
    expect(shape(parse('CRLF'))).toBe('CRLF')
  })

  it('accepts any whitespace and line breaks between tokens', () => {
    expect(shape(parse('IIF(\r\n  IsPresent( [cn] ) ,\n\t[cn] ,\n  NULL )'))).toBe(
      'IIF(IsPresent([cn]), [cn], NULL)',
    )
  })

  it('keeps source spans so a trace can show each sub-expression', () => {
    const text = 'IIF(IsPresent([a]), ([a] & "x"), NULL)'
    const ast = parse(text)
    if (ast.kind !== 'call') throw new Error('not a call')
    const [test, group] = ast.args

    expect(ast.span).toEqual({ start: 0, end: text.length })
    expect(test && text.slice(test.span.start, test.span.end)).toBe('IsPresent([a])')
    expect(group && text.slice(group.span.start, group.span.end)).toBe('([a] & "x")')
  })

  it('scopes $variables to the last argument of Where, Select and With', () => {
    expect(shape(parse('Where($item,[userCertificate],CertNotAfter($item)>Now())'))).toBe(
      'Where($item, [userCertificate], (CertNotAfter($item) > Now()))',
    )
    expect(failure('Where($item,$item,True)')).toMatchObject({ position: 12 })
    expect(failure('Trim($item)').message).toContain('Unknown variable $item')
    expect(failure('Where([a],[b],True)').message).toContain('must be a variable such as $item')
  })

  it.each([
    ['Coalesce([a],[b])', 0, 'Entra Cloud Sync / provisioning'],
    ['RegexReplace([a],"x","y")', 0, 'Entra Cloud Sync / provisioning'],
    ['Append([a],"x")', 0, 'Entra Cloud Sync / provisioning'],
    ['Not([a])', 0, 'Entra Cloud Sync / provisioning'],
    ['ToLower([a])', 0, 'use LCase'],
    ['SelectUniqueValue([a])', 0, 'Entra Cloud Sync / provisioning'],
    ['Trim(trim([a]))', 5, 'case-sensitive, did you mean Trim?'],
    ['Frobnicate(1)', 0, 'Unknown function "Frobnicate"'],
    ['Left("abc")', 10, 'Left takes 2 arguments but was given 1'],
    ['Trim("a","b")', 9, 'Trim takes 1 argument but was given 2'],
    ['InStr("a","b",1,vbTextCompare,5)', 30, 'InStr takes 2 to 4 arguments'],
    ['Now(1)', 4, 'Now takes 0 arguments'],
    ['Switch(True,"a",False)', 16, 'Connect Sync has no default argument'],
    ['IIF(True,1,2', 12, 'Expected "," or ")"'],
    ['IIF(True,,2)', 9, 'Expected a value'],
    ['Trim', 0, 'Trim is a function'],
    ['cn', 0, 'attributes are written [cn]'],
    ['"a" "b"', 4, 'an operator is missing'],
    ['(1', 2, 'Expected ")"'],
    ['1)', 1, 'without its "("'],
    ['', 0, 'empty'],
    ['   ', 0, 'empty'],
    ['1 +', 3, 'Expected a value'],
    ['-[a]', 0, 'only works on a number'],
    ['* 2', 0, 'the operator "*"'],
  ])('%j fails at %d with %j', (text, position, fragment) => {
    const error = failure(text)

    expect(error.message).toContain(fragment)
    expect(error.position).toBe(position)
  })

  it('rejects nesting deeper than 200 levels with a position, without overflowing the stack', () => {
    const deep = `${'Trim('.repeat(201)}"x"${')'.repeat(201)}`
    const parens = `${'('.repeat(5000)}1${')'.repeat(5000)}`

    expect(failure(deep)).toEqual({ message: 'The expression nests deeper than 200 levels.', position: 1000 })
    expect(failure(parens).message).toContain('deeper than 200')
    expect(parseExpression(`${'Trim('.repeat(199)}"x"${')'.repeat(199)}`).ok).toBe(true)
  })

  it('parses a long operator chain without recursion', () => {
    const chain = Array.from({ length: 20_000 }, (_, index) => `"${index}"`).join(' & ')

    expect(parseExpression(chain).ok).toBe(true)
  })
})
