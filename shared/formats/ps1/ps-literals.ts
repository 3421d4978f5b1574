import type { PsValue } from './ps-syntax'

/** The text of a literal value (string, number, boolean, `$null`), or null for anything that would need evaluating. */
export function literalText(value: PsValue): string | null {
  switch (value.kind) {
    case 'string':
      return value.value
    case 'number':
      return value.text
    case 'boolean':
      return value.value ? 'True' : 'False'
    case 'null':
      return ''
    case 'list':
    case 'array':
    case 'variable':
    case 'hashtable':
    case 'block':
    case 'type':
    case 'operator':
    case 'expression':
      return null
  }
}

/** The items of `'a','b'`, `@('a','b')` (commas or line breaks) or a single value; `$null` and `@()` give none. */
export function listItems(value: PsValue): readonly PsValue[] {
  switch (value.kind) {
    case 'list':
      return value.items
    case 'null':
      return []
    case 'array': {
      const items: PsValue[] = []
      for (const statement of value.statements) {
        if (statement.kind !== 'expression') {
          items.push({ kind: 'block', form: 'paren', statements: [statement], position: statement.position })
          continue
        }
        for (const part of statement.values) {
          if (part.kind !== 'list') items.push(part)
          else for (const item of part.items) items.push(item)
        }
      }
      return items
    }
    default:
      return [value]
  }
}

const BLOCK_DESCRIPTIONS = {
  paren: 'a (...) expression',
  subexpression: 'a $(...) subexpression',
  scriptblock: 'a {...} script block',
} as const

/** Names a value for messages, e.g. "the variable $x" or "a $(...) subexpression". */
export function describeValue(value: PsValue): string {
  switch (value.kind) {
    case 'string':
      return value.quote === 'bare' ? `the word ${value.value}` : 'a string'
    case 'number':
      return `the number ${value.text}`
    case 'boolean':
      return value.value ? '$true' : '$false'
    case 'null':
      return '$null'
    case 'variable':
      return `the variable $${value.name}${value.index === null ? '' : `[${value.index}]`}`
    case 'list':
    case 'array':
      return 'an array'
    case 'hashtable':
      return 'a hashtable'
    case 'block':
      return BLOCK_DESCRIPTIONS[value.form]
    case 'type':
      return `the type [${value.name}]`
    case 'operator':
      return `the operator ${value.text}`
    case 'expression':
      return 'an expression'
  }
}
