import type {
  PsArgument,
  PsCommand,
  PsDiagnostic,
  PsHashEntry,
  PsPosition,
  PsStatement,
  PsValue,
} from './ps-syntax'
import { type PsPunct, type PsToken, PsTokenStream } from './ps-tokenizer'

/** The statements of a script, as data, and the problems found while reading them. */
export interface ParseResult {
  readonly statements: readonly PsStatement[]
  readonly diagnostics: readonly PsDiagnostic[]
}

/** Deeper nesting than this is not PowerShell anyone writes; it is skipped so the parser cannot overflow. */
const MAX_DEPTH = 64

/**
 * Most tokens one top-level statement may have. The largest statement of an export (New-ADSyncRule with its
 * parameters, a mapping with a list of sources) has a few hundred; a statement beyond this is skipped, so one
 * hostile line cannot hold millions of values in memory at once.
 */
export const MAX_STATEMENT_TOKENS = 50_000

/** Thrown inside the parser when a statement passes MAX_STATEMENT_TOKENS; caught at the top level. */
class StatementTooLong extends Error {}

const KEYWORDS = new Set([
  'begin',
  'break',
  'catch',
  'class',
  'configuration',
  'continue',
  'data',
  'default',
  'do',
  'dynamicparam',
  'else',
  'elseif',
  'end',
  'enum',
  'exit',
  'filter',
  'finally',
  'for',
  'foreach',
  'function',
  'if',
  'param',
  'process',
  'return',
  'switch',
  'throw',
  'trap',
  'try',
  'until',
  'using',
  'while',
  'workflow',
])
const NAMED_BLOCK_KEYWORDS = new Set(['function', 'filter', 'workflow', 'configuration', 'class', 'enum'])
const PIPELINE_KEYWORDS = new Set(['return', 'throw', 'exit'])
const CLOSERS: ReadonlyMap<PsPunct, ')' | '}'> = new Map([
  ['(', ')'],
  ['$(', ')'],
  ['@(', ')'],
  ['{', '}'],
  ['@{', '}'],
])

/**
 * Parses a script into statements (commands, expressions, keyword statements) without running anything.
 * Covers the PowerShell that sync-rule exports and simple admin scripts use; anything else is kept as
 * uninterpreted values rather than rejected.
 */
export function parsePowerShell(text: string): ParseResult {
  const reader = new PsStatementReader(text)
  const statements: PsStatement[] = []
  const diagnostics: PsDiagnostic[] = []
  for (let next = reader.next(); next !== null; next = reader.next()) {
    for (const statement of next) statements.push(statement)
    for (const diagnostic of reader.takeDiagnostics()) diagnostics.push(diagnostic)
  }
  for (const diagnostic of reader.takeDiagnostics()) diagnostics.push(diagnostic)
  return { statements, diagnostics }
}

/**
 * Reads a script one top-level pipeline at a time, so a caller can handle each statement and let it go: memory
 * holds the text, its line index and one statement, however many statements the script has.
 */
export class PsStatementReader {
  private readonly stream: PsTokenStream
  private readonly parser: Parser

  public constructor(text: string) {
    this.stream = new PsTokenStream(text)
    this.parser = new Parser(text, this.stream)
  }

  /** The statements of the next top-level pipeline (several for `$x = Command`), or null at the end. */
  public next(): PsStatement[] | null {
    return this.parser.nextTopLevel()
  }

  /** The problems found since the last call, in script order. */
  public takeDiagnostics(): PsDiagnostic[] {
    const found = this.stream.diagnostics.splice(0)
    for (const diagnostic of this.parser.diagnostics.splice(0)) found.push(diagnostic)
    return found.sort((left, right) => left.position.offset - right.position.offset)
  }
}

/** True for a word that starts a keyword statement rather than a command. */
export function isPowerShellKeyword(word: string): boolean {
  return KEYWORDS.has(word.toLowerCase())
}

class Parser {
  public readonly diagnostics: PsDiagnostic[] = []
  private depth = 0
  /** Tokens taken since the current top-level statement started. */
  private statementTokens = 0

  public constructor(
    private readonly text: string,
    private readonly stream: PsTokenStream,
  ) {}

  /** Parses the next top-level pipeline; null at the end of the script. */
  public nextTopLevel(): PsStatement[] | null {
    for (;;) {
      this.statementTokens = 0
      this.skipSeparators()
      const token = this.peek()
      if (token === undefined) return null
      if (token.kind === 'punct' && isCloserText(token.text)) {
        this.problem(token.position, `Unexpected "${token.text}": there is no opening bracket for it.`)
        this.skip()
        continue
      }
      const before = this.stream.consumed
      const statements: PsStatement[] = []
      this.statementTokens = 0
      try {
        this.parsePipeline(statements)
      } catch (error) {
        if (!(error instanceof StatementTooLong)) throw error
        this.skipRestOfStatement(token.position)
        continue
      }
      if (this.stream.consumed === before) this.skip()
      return statements
    }
  }

  /** After a statement passed the token cap: reports it and skips to its end, outside any bracket. */
  private skipRestOfStatement(start: PsPosition): void {
    this.problem(
      start,
      `This statement has more than ${MAX_STATEMENT_TOKENS.toLocaleString('en-US')} parts; SyncLens skipped it. ` +
        'No export writes one this long: check where the script came from.',
    )
    let level = this.depth
    this.depth = 0
    for (let token = this.stream.peek(); token !== undefined; token = this.stream.peek()) {
      if (level <= 0 && (token.kind === 'newline' || isPunct(token, ';'))) return
      this.stream.take()
      if (token.kind !== 'punct') continue
      if (CLOSERS.has(token.text) || token.text === '[') level++
      else if (isCloserText(token.text)) level--
    }
  }

  public parseStatementList(closer: ')' | '}' | null): PsStatement[] {
    const statements: PsStatement[] = []
    for (;;) {
      this.skipSeparators()
      const token = this.peek()
      if (token === undefined) return statements
      if (token.kind === 'punct' && isCloserText(token.text)) {
        if (closer !== null) return statements
        this.problem(token.position, `Unexpected "${token.text}": there is no opening bracket for it.`)
        this.skip()
        continue
      }
      const before = this.stream.consumed
      this.parsePipeline(statements)
      if (this.stream.consumed === before) this.skip()
    }
  }

  private peek(ahead = 0): PsToken | undefined {
    return this.stream.peek(ahead)
  }

  private take(): PsToken | undefined {
    const token = this.stream.take()
    if (token !== undefined && ++this.statementTokens > MAX_STATEMENT_TOKENS) throw new StatementTooLong()
    return token
  }

  /** Takes the next token, whatever it is. */
  private skip(): void {
    this.take()
  }

  private problem(position: PsPosition, message: string): void {
    this.diagnostics.push({ severity: 'error', message, position })
  }

  private endPosition(): PsPosition {
    return this.stream.endPosition()
  }

  private skipSeparators(): void {
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (token.kind !== 'newline' && !isPunct(token, ';')) return
      this.skip()
    }
  }

  private skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.skip()
  }

  private atStatementEnd(): boolean {
    const token = this.peek()
    if (token === undefined || token.kind === 'newline') return true
    return token.kind === 'punct' && (token.text === ';' || token.text === '|' || isCloserText(token.text))
  }

  private parsePipeline(out: PsStatement[]): void {
    let piped = false
    for (;;) {
      if (isPunct(this.peek(), '|')) {
        const bar = this.take()
        if (bar !== undefined) this.problem(bar.position, 'Unexpected "|": expected a command before it.')
      } else {
        this.parseStatement(out, piped)
      }
      if (!isPunct(this.peek(), '|')) return
      this.skip()
      this.skipNewlines()
      piped = true
      if (this.atStatementEnd()) return
    }
  }

  private parseStatement(out: PsStatement[], piped: boolean): void {
    const token = this.peek()
    if (token === undefined) return
    if (token.kind === 'word' && isPowerShellKeyword(token.text) && !piped) {
      out.push(this.parseKeywordStatement())
    } else if (this.startsCommand(piped)) {
      out.push(this.parseCommand(null, piped))
    } else {
      this.parseExpressionStatement(out, piped)
    }
  }

  /** In a pipeline, `foreach` and `where` are command aliases rather than keywords. */
  private startsCommand(piped = false): boolean {
    const token = this.peek()
    if (token === undefined) return false
    if (token.kind === 'punct') return token.text === '&' || token.text === '.'
    if (token.kind !== 'word' || (isPowerShellKeyword(token.text) && !piped)) return false
    // `Name = value` is a named argument or hashtable-like assignment, never a command call in practice.
    return !isPunct(this.peek(1), '=')
  }

  private parseCommand(assignedTo: string | null, piped: boolean): PsCommand {
    const first = this.take()
    const position = first?.position ?? this.endPosition()
    const argumentsList: PsArgument[] = []
    let name = ''
    let invocation: PsCommand['invocation'] = 'direct'
    if (first?.kind === 'word') {
      name = first.text
    } else {
      invocation = isPunct(first, '.') ? 'dot' : 'call'
      const target = this.peek()
      if (target?.kind === 'word') {
        name = target.text
        this.skip()
      } else if (target?.kind === 'string') {
        name = target.value
        this.skip()
      } else if (target !== undefined && !this.atStatementEnd()) {
        const value = this.parseCompound()
        argumentsList.push({ kind: 'value', value, position: value.position })
      }
    }
    while (!this.atStatementEnd()) {
      const token = this.peek()
      if (token?.kind === 'parameter') {
        this.skip()
        const colonValue = token.colon && !this.atStatementEnd() ? this.parseArgumentValue() : null
        argumentsList.push({ kind: 'parameter', name: token.name, colonValue, position: token.position })
      } else {
        const value = this.parseArgumentValue()
        argumentsList.push({ kind: 'value', value, position: value.position })
      }
    }
    return { kind: 'command', name, invocation, assignedTo, piped, arguments: argumentsList, position }
  }

  private parseExpressionStatement(out: PsStatement[], piped: boolean): void {
    const position = this.peek()?.position ?? this.endPosition()
    const values: PsValue[] = []
    while (!this.atStatementEnd()) {
      const token = this.peek()
      if (token?.kind === 'punct' && token.text === '=') {
        this.skip()
        values.push({ kind: 'operator', text: '=', position: token.position })
        this.skipNewlines()
        const next = this.peek()
        if (next?.kind === 'word' && isPowerShellKeyword(next.text)) {
          out.push({ kind: 'expression', values, position })
          out.push(this.parseKeywordStatement())
          return
        }
        if (this.startsCommand()) {
          const target = values.length === 2 && values[0]?.kind === 'variable' ? values[0].name : null
          out.push({ kind: 'expression', values, position })
          out.push(this.parseCommand(target, piped))
          return
        }
        continue
      }
      const value = this.parseArgumentValue()
      values.push(value)
      // A binary operator at the end of a line continues the expression on the next one.
      if (value.kind === 'operator' && this.peek()?.kind === 'newline') this.skipNewlines()
    }
    out.push({ kind: 'expression', values, position })
  }

  private parseKeywordStatement(): PsStatement {
    const keywordToken = this.take()
    const keyword = keywordToken?.kind === 'word' ? keywordToken.text.toLowerCase() : ''
    const position = keywordToken?.position ?? this.endPosition()
    const parts: PsValue[] = []
    const nameToken = this.peek()
    if (NAMED_BLOCK_KEYWORDS.has(keyword) && nameToken?.kind === 'word') {
      this.skip()
      parts.push({
        kind: 'string',
        value: nameToken.text,
        quote: 'bare',
        expandable: false,
        position: nameToken.position,
      })
    }
    if (PIPELINE_KEYWORDS.has(keyword)) {
      if (!this.atStatementEnd()) {
        const statements: PsStatement[] = []
        this.parsePipeline(statements)
        parts.push({
          kind: 'block',
          form: 'paren',
          statements,
          position: statements[0]?.position ?? position,
        })
      }
      return { kind: 'keyword', keyword, parts, position }
    }
    for (;;) {
      if (this.atStatementEnd()) {
        // `if (...)` and `foreach (...)` may put their `{` on the next line.
        if (this.peek()?.kind !== 'newline' || !this.nextNonNewlineIs('{')) break
        this.skipNewlines()
      }
      parts.push(this.parseCompound())
    }
    return { kind: 'keyword', keyword, parts, position }
  }

  private nextNonNewlineIs(text: PsPunct): boolean {
    let ahead = 0
    while (this.peek(ahead)?.kind === 'newline') ahead++
    return isPunct(this.peek(ahead), text)
  }

  /** A value in argument position: one compound value, or several separated by commas (an array). */
  private parseArgumentValue(): PsValue {
    const first = this.parseCompound()
    if (!isPunct(this.peek(), ',')) return first
    const items: PsValue[] = [first]
    while (isPunct(this.peek(), ',')) {
      this.skip()
      this.skipNewlines()
      if (this.atStatementEnd() || isPunct(this.peek(), ',')) break
      items.push(this.parseCompound())
    }
    return { kind: 'list', items, position: first.position }
  }

  /** Values written without whitespace between them (`$x.Method(1)`, `[ordered]@{}`) form one compound value. */
  private parseCompound(): PsValue {
    const first = this.parsePrimary()
    const parts: PsValue[] = [first]
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (token.spaceBefore || this.atStatementEnd() || isPunct(token, ',') || isPunct(token, '=')) break
      parts.push(this.parsePrimary())
    }
    return parts.length === 1 ? first : { kind: 'expression', parts, position: first.position }
  }

  private parsePrimary(): PsValue {
    const token = this.take()
    if (token === undefined) return { kind: 'null', position: this.endPosition() }
    const position = token.position
    switch (token.kind) {
      case 'string':
        return {
          kind: 'string',
          value: token.value,
          quote: token.quote,
          expandable: token.expandable,
          position,
        }
      case 'number':
        return { kind: 'number', value: token.value, text: token.text, position }
      case 'word':
        return { kind: 'string', value: token.text, quote: 'bare', expandable: false, position }
      case 'parameter':
        return { kind: 'operator', text: `-${token.name}${token.colon ? ':' : ''}`, position }
      case 'variable':
        return this.variable(token.name, position)
      case 'newline':
        return { kind: 'operator', text: '\n', position }
      case 'punct':
        return this.punctuated(token)
    }
  }

  private variable(name: string, position: PsPosition): PsValue {
    const lower = name.toLowerCase()
    if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true', position }
    if (lower === 'null') return { kind: 'null', position }
    const open = this.peek()
    const number = this.peek(1)
    if (open !== undefined && !open.spaceBefore && isPunct(open, '[') && number?.kind === 'number') {
      if (isPunct(this.peek(2), ']') && Number.isInteger(number.value)) {
        this.skip()
        this.skip()
        this.skip()
        return { kind: 'variable', name, index: number.value, position }
      }
    }
    return { kind: 'variable', name, index: null, position }
  }

  private punctuated(token: PunctToken): PsValue {
    const position = token.position
    switch (token.text) {
      case '(':
        return { kind: 'block', form: 'paren', statements: this.nested(token), position }
      case '$(':
        return { kind: 'block', form: 'subexpression', statements: this.nested(token), position }
      case '{':
        return { kind: 'block', form: 'scriptblock', statements: this.nested(token), position }
      case '@(':
        return { kind: 'array', statements: this.nested(token), position }
      case '@{':
        return { kind: 'hashtable', entries: this.hashtable(token), position }
      case '[':
        return this.typeLiteral(token)
      case ')':
      case '}':
      case ']':
      case ',':
      case ';':
      case '|':
      case '&':
      case '=':
      case '.':
        return { kind: 'operator', text: token.text, position }
    }
  }

  private enter(opener: PunctToken): boolean {
    if (this.depth < MAX_DEPTH) {
      this.depth++
      return true
    }
    this.problem(
      opener.position,
      `Nested more than ${MAX_DEPTH} levels deep; the rest of this block is skipped.`,
    )
    this.skipBalanced()
    return false
  }

  private nested(opener: PunctToken): PsStatement[] {
    const closer = CLOSERS.get(opener.text) ?? ')'
    if (!this.enter(opener)) return []
    const statements = this.parseStatementList(closer)
    this.depth--
    this.expectCloser(opener, closer)
    return statements
  }

  private expectCloser(opener: PunctToken, closer: ')' | '}' | ']'): void {
    const token = this.peek()
    if (isPunct(token, closer)) {
      this.skip()
      return
    }
    const where = `line ${opener.position.line}, column ${opener.position.column}`
    this.problem(
      token?.position ?? this.endPosition(),
      `Expected "${closer}" to close the "${opener.text}" opened at ${where}.`,
    )
  }

  private skipBalanced(): void {
    let level = 1
    while (level > 0) {
      const token = this.take()
      if (token === undefined) return
      if (token.kind !== 'punct') continue
      if (CLOSERS.has(token.text) || token.text === '[') level++
      else if (isCloserText(token.text)) level--
    }
  }

  private hashtable(opener: PunctToken): PsHashEntry[] {
    if (!this.enter(opener)) return []
    const entries: PsHashEntry[] = []
    for (;;) {
      this.skipSeparators()
      const token = this.peek()
      if (token === undefined || (token.kind === 'punct' && isCloserText(token.text))) break
      const keyValue = this.parsePrimary()
      const key = keyText(keyValue)
      if (!isPunct(this.peek(), '=')) {
        this.problem(
          this.peek()?.position ?? keyValue.position,
          `Expected "=" after the hashtable key "${key}".`,
        )
        while (!this.atStatementEnd()) this.skip()
        continue
      }
      this.skip()
      this.skipNewlines()
      const value: PsStatement[] = []
      if (!this.atStatementEnd()) this.parsePipeline(value)
      entries.push({ key, position: keyValue.position, value })
    }
    this.depth--
    this.expectCloser(opener, '}')
    return entries
  }

  private typeLiteral(opener: PunctToken): PsValue {
    const statements: PsStatement[] = []
    let nameEnd = -1
    let level = 1
    for (;;) {
      const token = this.peek()
      if (token === undefined) {
        this.problem(opener.position, 'Expected "]" to close this type name.')
        break
      }
      if (token.kind === 'punct' && token.text === '(') {
        if (nameEnd < 0 && level === 1) nameEnd = token.position.offset
        this.skip()
        if (!this.enter(token)) continue
        for (const statement of this.parseStatementList(')')) statements.push(statement)
        this.depth--
        this.expectCloser(token, ')')
        continue
      }
      this.skip()
      if (isPunct(token, '[')) level++
      if (isPunct(token, ']') && --level === 0) {
        if (nameEnd < 0) nameEnd = token.position.offset
        break
      }
    }
    const name = this.text.slice(opener.end, nameEnd < 0 ? this.text.length : nameEnd).trim()
    return { kind: 'type', name, arguments: statements, position: opener.position }
  }
}

type PunctToken = Extract<PsToken, { readonly kind: 'punct' }>

function isPunct(token: PsToken | undefined, text: PsPunct): boolean {
  return token?.kind === 'punct' && token.text === text
}

function isCloserText(text: PsPunct): boolean {
  return text === ')' || text === '}' || text === ']'
}

function keyText(value: PsValue): string {
  switch (value.kind) {
    case 'string':
      return value.value
    case 'number':
      return value.text
    case 'variable':
      return `$${value.name}`
    default:
      return ''
  }
}
