import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ExprValue } from './api'
import type { BinaryOperator, ExprNode } from './ast'
import { evaluateAst } from './evaluate'
import { FUNCTION_NAMES } from './function-registry'
import { parseExpression } from './parse-expression'
import { testContext } from './testing/eval-helpers'

const SPAN = { start: 0, end: 0 }

const FRAGMENTS = [
  '[cn]',
  '[proxyAddresses]',
  '[bin]',
  '%Domain.FQDN%',
  '"text"',
  '"a\\"b"',
  '42',
  '-7',
  '&HFF',
  'True',
  'NULL',
  'IgnoreThisFlow',
  'AuthoritativeNull',
  'UTF8',
  'vbTextCompare',
  '$item',
  '(',
  ')',
  ',',
  ' ',
  '&',
  '&&',
  '||',
  '=',
  '<>',
  '<',
  '>=',
  '+',
  '-',
  '*',
  '/',
  'IIF(',
  'Trim(',
  'Where($item,',
  'Switch(',
  'Left(',
  'Error(',
  'Coalesce(',
  '[',
  '"',
  '%',
  '\n',
]

const attributes: Readonly<Record<string, ExprValue>> = {
  cn: 'Joe',
  proxyAddresses: ['SMTP:a@x', 'sip:b@x'],
  bin: new Uint8Array([0, 1, 2, 3]),
  n: 12,
  flag: true,
  when: new Date('2020-02-29T12:00:00Z'),
  manager: { kind: 'reference', dn: 'CN=Boss,DC=x' },
}

const OPERATORS: readonly BinaryOperator[] = [
  '&',
  '+',
  '-',
  '*',
  '/',
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '&&',
  '||',
]

const leaf: fc.Arbitrary<ExprNode> = fc.oneof(
  fc.string({ maxLength: 8 }).map((value) => ({ kind: 'string' as const, value, span: SPAN })),
  fc
    .oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, 1e300))
    .map((value) => ({ kind: 'number' as const, value, span: SPAN })),
  fc.boolean().map((value) => ({ kind: 'boolean' as const, value, span: SPAN })),
  fc
    .constantFrom('NULL', 'AuthoritativeNull', 'IgnoreThisFlow', 'CRLF')
    .map((name) => ({ kind: 'constant' as const, name, span: SPAN })),
  fc
    .constantFrom('UTF8', 'CaseInsensitive', 'vbTextCompare')
    .map((name) => ({ kind: 'enum' as const, name, span: SPAN })),
  fc
    .constantFrom('cn', 'proxyAddresses', 'bin', 'n', 'flag', 'when', 'manager', 'missing')
    .map((name) => ({ kind: 'attribute' as const, name, span: SPAN })),
  fc.constantFrom('Domain.FQDN', 'Unknown').map((name) => ({ kind: 'parameter' as const, name, span: SPAN })),
  fc.constantFrom('item', 'free').map((name) => ({ kind: 'variable' as const, name, span: SPAN })),
)

const tree: fc.Arbitrary<ExprNode> = fc.letrec<{ node: ExprNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.constantFrom(...FUNCTION_NAMES, 'Nope'), fc.array(tie('node'), { maxLength: 4 }))
      .map(([name, args]): ExprNode => ({ kind: 'call', name, args, span: SPAN })),
    fc
      .tuple(fc.constantFrom(...OPERATORS), tie('node'), tie('node'))
      .map(([operator, left, right]): ExprNode => ({ kind: 'binary', operator, left, right, span: SPAN })),
  ),
})).node

describe('expression properties', () => {
  it('parseExpression never throws and errors point inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')),
        ),
        (text) => {
          const result = parseExpression(text)

          if (!result.ok) {
            expect(result.error.position).toBeGreaterThanOrEqual(0)
            expect(result.error.position).toBeLessThanOrEqual(text.length)
            expect(result.error.message.length).toBeGreaterThan(0)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('evaluating random trees never throws and never fails internally', () => {
    const context = testContext({ attributes, parameters: { 'Domain.FQDN': 'contoso.com' } })

    fc.assert(
      fc.property(tree, (ast) => {
        const evaluation = evaluateAst(ast, context, { trace: true, maxSteps: 5000 })

        if (evaluation.outcome.kind === 'error')
          expect(evaluation.outcome.message).not.toMatch(/^Internal error/)
      }),
      { numRuns: 3000 },
    )
  })

  it('a parsed expression keeps spans that slice back to the text of each node', () => {
    fc.assert(
      fc.property(tree, (generated) => {
        const text = print(generated)
        const parsed = parseExpression(text)
        if (!parsed.ok) return

        for (const node of walk(parsed.ast)) {
          expect(parseExpression(text.slice(node.span.start, node.span.end)).ok).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })
})

/** Writes a tree as text, parenthesising every operator so the structure survives any precedence. */
function print(node: ExprNode): string {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value).replace(/\\u[0-9a-f]{4}|\\[bf/]/g, '')
    case 'number':
      return Number.isSafeInteger(node.value) && node.value >= 0 ? String(node.value) : '1'
    case 'boolean':
      return node.value ? 'True' : 'False'
    case 'constant':
    case 'enum':
      return node.name
    case 'attribute':
      return `[${node.name}]`
    case 'parameter':
      return `%${node.name}%`
    case 'variable':
      return '"variable"'
    case 'call':
      return `${node.name}(${node.args.map(print).join(', ')})`
    case 'binary':
      return `(${print(node.left)} ${node.operator} ${print(node.right)})`
  }
}

function* walk(node: ExprNode): Generator<ExprNode> {
  yield node
  if (node.kind === 'call') for (const arg of node.args) yield* walk(arg)
  if (node.kind === 'binary') {
    yield* walk(node.left)
    yield* walk(node.right)
  }
}
