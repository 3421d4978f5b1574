import type { ExprValue, ReferenceValue, ScalarValue } from './api'

/** The three "no value" literals; each ends a flow differently (docs/ENGINE.md, Precedence). */
export type SpecialKind = 'null' | 'authoritativeNull' | 'ignoreThisFlow'

/** NULL, AuthoritativeNull or IgnoreThisFlow while an expression is evaluated. */
export interface SpecialValue {
  readonly kind: SpecialKind
}

/** The named constants that select a function option (`UTF8`, `vbTextCompare`, ...). */
export type EnumName =
  'ASCII' | 'UTF8' | 'Unicode' | 'CaseSensitive' | 'CaseInsensitive' | 'vbTextCompare' | 'vbBinaryCompare'

/** An option constant as a value. */
export interface EnumValue {
  readonly kind: 'enum'
  readonly name: EnumName
}

/** One value during evaluation: a scalar or an option constant. */
export type RuntimeScalar = ScalarValue | EnumValue

/** Any value during evaluation: a scalar, a multi-value, or a "no value" literal. */
export type RuntimeValue = RuntimeScalar | readonly ScalarValue[] | SpecialValue

/** NULL. */
export const NULL: SpecialValue = Object.freeze({ kind: 'null' })
/** AuthoritativeNull. */
export const AUTHORITATIVE_NULL: SpecialValue = Object.freeze({ kind: 'authoritativeNull' })
/** IgnoreThisFlow. */
export const IGNORE_THIS_FLOW: SpecialValue = Object.freeze({ kind: 'ignoreThisFlow' })

/** True for a multi-value. */
export function isList(value: RuntimeValue): value is readonly ScalarValue[] {
  return Array.isArray(value)
}

/** True for NULL, AuthoritativeNull and IgnoreThisFlow. */
export function isSpecial(value: RuntimeValue): value is SpecialValue {
  if (typeof value !== 'object' || value instanceof Uint8Array || value instanceof Date || isList(value)) {
    return false
  }
  return value.kind === 'null' || value.kind === 'authoritativeNull' || value.kind === 'ignoreThisFlow'
}

/** True for an option constant. */
export function isEnum(value: RuntimeValue): value is EnumValue {
  return (
    typeof value === 'object' &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date) &&
    !isList(value) &&
    value.kind === 'enum'
  )
}

/** True for a reference (a DN). */
export function isReference(value: RuntimeValue): value is ReferenceValue {
  return (
    typeof value === 'object' &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date) &&
    !isList(value) &&
    value.kind === 'reference'
  )
}

/** Creates a reference value. */
export function reference(dn: string): ReferenceValue {
  return { kind: 'reference', dn }
}

/** Turns a value read from the context into a runtime value: absent and empty multi-values are NULL. */
export function fromContextValue(value: ExprValue | undefined): RuntimeValue {
  if (value === undefined) return NULL
  if (isList(value)) return value.length === 0 ? NULL : value
  return value
}

/** Builds a multi-value from collected values: no values is NULL. */
export function listOrNull(values: readonly ScalarValue[]): RuntimeValue {
  return values.length === 0 ? NULL : values
}

/** A short name of a value's type for messages. */
export function typeName(value: RuntimeValue): string {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (value instanceof Uint8Array) return 'binary'
  if (value instanceof Date) return 'date'
  if (isList(value)) return 'multi-value'
  switch (value.kind) {
    case 'reference':
      return 'reference'
    case 'enum':
      return `constant ${value.name}`
    case 'null':
      return 'NULL'
    case 'authoritativeNull':
      return 'AuthoritativeNull'
    case 'ignoreThisFlow':
      return 'IgnoreThisFlow'
  }
}
