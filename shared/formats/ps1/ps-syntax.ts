/** A place in a script: 0-based offset, 1-based line and column. */
export interface PsPosition {
  readonly offset: number
  readonly line: number
  readonly column: number
}

/** A problem found while tokenizing or parsing, before any rule is read. */
export interface PsDiagnostic {
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly position: PsPosition
}

/** A literal or compound value as written in the script; nothing is ever evaluated. */
export type PsValue =
  | {
      readonly kind: 'string'
      readonly value: string
      readonly quote: 'single' | 'double' | 'bare'
      /** Double-quoted text with `$name`, `$(...)` or `${...}` that PowerShell would expand; kept literal here. */
      readonly expandable: boolean
      readonly position: PsPosition
    }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly position: PsPosition }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly position: PsPosition }
  | { readonly kind: 'null'; readonly position: PsPosition }
  | {
      readonly kind: 'variable'
      readonly name: string
      /** `$name[0]` gives 0; null when there is no simple numeric index. */
      readonly index: number | null
      readonly position: PsPosition
    }
  | { readonly kind: 'list'; readonly items: readonly PsValue[]; readonly position: PsPosition }
  | { readonly kind: 'array'; readonly statements: readonly PsStatement[]; readonly position: PsPosition }
  | { readonly kind: 'hashtable'; readonly entries: readonly PsHashEntry[]; readonly position: PsPosition }
  | {
      readonly kind: 'block'
      readonly form: 'paren' | 'subexpression' | 'scriptblock'
      readonly statements: readonly PsStatement[]
      readonly position: PsPosition
    }
  | {
      readonly kind: 'type'
      /** The type or attribute name inside `[...]`, without its arguments. */
      readonly name: string
      /** Statements inside attribute arguments, e.g. `[ValidateScript({ ... })]`. */
      readonly arguments: readonly PsStatement[]
      readonly position: PsPosition
    }
  | { readonly kind: 'operator'; readonly text: string; readonly position: PsPosition }
  | { readonly kind: 'expression'; readonly parts: readonly PsValue[]; readonly position: PsPosition }

/** One `key = value` entry of a `@{ ... }` literal. */
export interface PsHashEntry {
  readonly key: string
  readonly position: PsPosition
  readonly value: readonly PsStatement[]
}

/** One argument of a command: a `-Name` parameter (with its `-Name:value` value) or a bare value. */
export type PsArgument =
  | {
      readonly kind: 'parameter'
      readonly name: string
      /** Only for the `-Name:value` form; otherwise the value, if any, is the next argument. */
      readonly colonValue: PsValue | null
      readonly position: PsPosition
    }
  | { readonly kind: 'value'; readonly value: PsValue; readonly position: PsPosition }

/** A command invocation in command position, e.g. `New-ADSyncRule -Name 'x'`. */
export interface PsCommand {
  readonly kind: 'command'
  /** The command name as written; empty when invoked through `&` on something that is not a name. */
  readonly name: string
  /** `direct` for `Name ...`, `call` for `& ...`, `dot` for `. ...` (dot-sourcing). */
  readonly invocation: 'direct' | 'call' | 'dot'
  /** The variable of `$x = Command ...`, or null. */
  readonly assignedTo: string | null
  /** True when the command receives the output of a previous pipeline element (`... | Command`). */
  readonly piped: boolean
  readonly arguments: readonly PsArgument[]
  readonly position: PsPosition
}

/** A statement that is not a command: an expression or an assignment of one. */
export interface PsExpressionStatement {
  readonly kind: 'expression'
  readonly values: readonly PsValue[]
  readonly position: PsPosition
}

/** A statement introduced by a language keyword (`if`, `foreach`, `function`, `try`, `param`, ...). */
export interface PsKeywordStatement {
  readonly kind: 'keyword'
  readonly keyword: string
  readonly parts: readonly PsValue[]
  readonly position: PsPosition
}

/** Any statement of a script. */
export type PsStatement = PsCommand | PsExpressionStatement | PsKeywordStatement

/** Callbacks for visitSyntax; each is called for every node of its kind, outer nodes first. */
export interface PsVisitor {
  readonly statement?: (statement: PsStatement) => void
  readonly value?: (value: PsValue) => void
}

/** Visits every statement and value of a syntax tree, including those nested in blocks, arrays and hashtables. */
export function visitSyntax(statements: readonly PsStatement[], visitor: PsVisitor): void {
  for (const statement of statements) visitStatement(statement, visitor)
}

function visitStatement(statement: PsStatement, visitor: PsVisitor): void {
  visitor.statement?.(statement)
  switch (statement.kind) {
    case 'command':
      for (const argument of statement.arguments) {
        if (argument.kind === 'value') visitValue(argument.value, visitor)
        else if (argument.colonValue !== null) visitValue(argument.colonValue, visitor)
      }
      return
    case 'expression':
      for (const value of statement.values) visitValue(value, visitor)
      return
    case 'keyword':
      for (const value of statement.parts) visitValue(value, visitor)
      return
  }
}

function visitValue(value: PsValue, visitor: PsVisitor): void {
  visitor.value?.(value)
  switch (value.kind) {
    case 'list':
      for (const item of value.items) visitValue(item, visitor)
      return
    case 'expression':
      for (const part of value.parts) visitValue(part, visitor)
      return
    case 'array':
    case 'block':
      visitSyntax(value.statements, visitor)
      return
    case 'hashtable':
      for (const entry of value.entries) visitSyntax(entry.value, visitor)
      return
    case 'type':
      visitSyntax(value.arguments, visitor)
      return
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'variable':
    case 'operator':
      return
  }
}
