/**
 * Parses the .NET regular-expression subset that a linear-time matcher can run: literals, escapes,
 * classes (with ranges, negation and subtraction), `.`, anchors, groups, alternation and quantifiers.
 * Backreferences, lookaround, atomic groups and conditionals need backtracking and are refused.
 */
import type { CharTest } from './char-class'
import { categoryTest, digitTest, ignoringCase, spaceTest, wordTest } from './char-class'
import type { AssertionKind, RegexFlags, RegexNode } from './regex-ast'

/** A pattern the engine cannot run, with the 0-based offset in the pattern. */
export class RegexSyntaxError extends Error {
  public constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(message)
  }
}

const MAX_REPEAT = 100_000
const NEEDS_BACKTRACKING = 'needs a backtracking engine, which SyncLens does not run on user patterns'

/** Parses a pattern; throws RegexSyntaxError. */
export function parseRegex(pattern: string, flags: RegexFlags): RegexNode {
  const parser = new RegexParser(pattern, flags)
  const node = parser.parseAlternation()
  if (!parser.atEnd()) throw new RegexSyntaxError('Too many ")" in the pattern.', parser.offset)
  return node
}

interface ClassPart {
  readonly test: CharTest
}

class RegexParser {
  public offset = 0

  public constructor(
    private readonly pattern: string,
    private flags: RegexFlags,
  ) {}

  public atEnd(): boolean {
    this.skipIgnoredWhitespace()
    return this.offset >= this.pattern.length
  }

  private peek(): string {
    return this.pattern.charAt(this.offset)
  }

  private fail(message: string, at = this.offset): never {
    throw new RegexSyntaxError(message, at)
  }

  private skipIgnoredWhitespace(): void {
    if (!this.flags.ignoreWhitespace) return
    for (;;) {
      const char = this.peek()
      if (char !== '' && char.trim() === '') {
        this.offset++
      } else if (char === '#') {
        while (this.offset < this.pattern.length && this.peek() !== '\n') this.offset++
      } else {
        return
      }
    }
  }

  public parseAlternation(): RegexNode {
    const saved = this.flags
    const options = [this.parseConcat()]
    while (this.peek() === '|') {
      this.offset++
      options.push(this.parseConcat())
    }
    this.flags = saved
    const [only] = options
    return options.length === 1 && only !== undefined ? only : { type: 'alt', options }
  }

  private parseConcat(): RegexNode {
    const items: RegexNode[] = []
    for (;;) {
      this.skipIgnoredWhitespace()
      const char = this.peek()
      if (char === '' || char === '|' || char === ')') break
      const atom = this.parseAtom()
      if (atom === null) continue
      items.push(this.parseQuantifiers(atom))
    }
    if (items.length === 0) return { type: 'empty' }
    const [only] = items
    return items.length === 1 && only !== undefined ? only : { type: 'concat', items }
  }

  private parseQuantifiers(atom: RegexNode): RegexNode {
    this.skipIgnoredWhitespace()
    const quantifier = this.readQuantifier()
    if (quantifier === null) return atom
    if (this.peek() === '?') this.offset++
    this.skipIgnoredWhitespace()
    const start = this.offset
    if (this.readQuantifier() !== null)
      this.fail('Nested quantifier: a quantifier cannot follow another.', start)
    return { type: 'repeat', item: atom, min: quantifier.min, max: quantifier.max }
  }

  private readQuantifier(): { readonly min: number; readonly max: number } | null {
    const char = this.peek()
    if (char === '*') {
      this.offset++
      return { min: 0, max: Infinity }
    }
    if (char === '+') {
      this.offset++
      return { min: 1, max: Infinity }
    }
    if (char === '?') {
      this.offset++
      return { min: 0, max: 1 }
    }
    if (char !== '{') return null
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(this.offset, this.offset + 24))
    if (match === null) return null
    const min = Number(match[1])
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3])
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
      this.fail(`Repeat count above ${MAX_REPEAT} is not supported.`)
    }
    if (max < min) this.fail('Illegal {x,y} with x > y.')
    this.offset += match[0].length
    return { min, max }
  }

  private parseAtom(): RegexNode | null {
    const start = this.offset
    const char = this.peek()
    this.offset++
    switch (char) {
      case '(':
        return this.parseGroup(start)
      case '[':
        return { type: 'char', test: this.parseClass(start) }
      case '.': {
        const singleline = this.flags.singleline
        return { type: 'char', test: singleline ? () => true : (code) => code !== 0x0a }
      }
      case '^':
        return this.assertion(this.flags.multiline ? 'lineStart' : 'textStart')
      case '$':
        return this.assertion(this.flags.multiline ? 'lineEnd' : 'endBeforeFinalNewline')
      case '\\':
        return this.parseEscape(start)
      case '*':
      case '+':
      case '?':
        return this.fail(`Quantifier "${char}" has nothing to repeat.`, start)
      default:
        return this.literal(char.charCodeAt(0))
    }
  }

  private assertion(kind: AssertionKind): RegexNode {
    return { type: 'assert', kind, multiline: this.flags.multiline }
  }

  private literal(code: number): RegexNode {
    return { type: 'char', test: this.withCase((c) => c === code) }
  }

  private withCase(test: CharTest): CharTest {
    return this.flags.ignoreCase ? ignoringCase(test) : test
  }

  private parseGroup(start: number): RegexNode | null {
    if (this.peek() !== '?') return this.groupBody(start, this.flags)
    this.offset++
    const kind = this.peek()
    if (kind === ':') {
      this.offset++
      return this.groupBody(start, this.flags)
    }
    if (kind === '#') {
      const close = this.pattern.indexOf(')', this.offset)
      if (close < 0) this.fail('Unterminated (?#...) comment.', start)
      this.offset = close + 1
      return null
    }
    if (kind === '=' || kind === '!') this.fail(`Lookahead (?${kind} ${NEEDS_BACKTRACKING}.`, start)
    if (kind === '>') this.fail(`Atomic group (?> ${NEEDS_BACKTRACKING}.`, start)
    if (kind === '(') this.fail(`Conditional (?( ${NEEDS_BACKTRACKING}.`, start)
    if (
      kind === '<' &&
      (this.pattern.charAt(this.offset + 1) === '=' || this.pattern.charAt(this.offset + 1) === '!')
    ) {
      this.fail(`Lookbehind (?<${this.pattern.charAt(this.offset + 1)} ${NEEDS_BACKTRACKING}.`, start)
    }
    if (kind === '<' || kind === "'") {
      const close = kind === '<' ? '>' : "'"
      const end = this.pattern.indexOf(close, this.offset + 1)
      const name = end < 0 ? '' : this.pattern.slice(this.offset + 1, end)
      if (!/^\w+$/.test(name)) {
        this.fail(
          name.includes('-') ? `Balancing group (?<${name}> ${NEEDS_BACKTRACKING}.` : 'Invalid group name.',
          start,
        )
      }
      this.offset = end + 1
      return this.groupBody(start, this.flags)
    }
    return this.parseInlineOptions(start)
  }

  private parseInlineOptions(start: number): RegexNode | null {
    const match = /^([imnsx]*)(?:-([imnsx]*))?([:)])/.exec(this.pattern.slice(this.offset, this.offset + 16))
    if (match === null) this.fail('Unrecognized grouping construct "(?".', start)
    const flags = applyInlineFlags(this.flags, match[1] ?? '', match[2] ?? '')
    this.offset += match[0].length
    if (match[3] === ')') {
      this.flags = flags
      return null
    }
    return this.groupBody(start, flags)
  }

  private groupBody(start: number, flags: RegexFlags): RegexNode {
    const outer = this.flags
    this.flags = flags
    const inner = this.parseAlternation()
    this.flags = outer
    if (this.peek() !== ')') this.fail('Not enough ")": a group is not closed.', start)
    this.offset++
    return inner
  }

  private parseEscape(start: number): RegexNode {
    const char = this.peek()
    if (char === '') this.fail('Illegal "\\" at the end of the pattern.', start)
    this.offset++
    switch (char) {
      case 'A':
        return this.assertion('textStart')
      case 'z':
        return this.assertion('textEnd')
      case 'Z':
        return this.assertion('endBeforeFinalNewline')
      case 'b':
        return this.assertion('wordBoundary')
      case 'B':
        return this.assertion('notWordBoundary')
      case 'G':
        return this.fail(`\\G ${NEEDS_BACKTRACKING}.`, start)
      case 'k':
        return this.fail(`Backreference \\k ${NEEDS_BACKTRACKING}.`, start)
      default:
        break
    }
    if (char >= '1' && char <= '9') this.fail(`Backreference \\${char} ${NEEDS_BACKTRACKING}.`, start)
    const shorthand = this.shorthand(char, start)
    if (shorthand !== null) return { type: 'char', test: shorthand }
    return this.literal(this.escapedChar(char, start, false))
  }

  /** `\d \w \s \D \W \S \p{} \P{}` as a test, or null for other escapes. */
  private shorthand(char: string, start: number): CharTest | null {
    const ascii = this.flags.ecmaScript
    switch (char) {
      case 'd':
        return digitTest(ascii)
      case 'D':
        return negate(digitTest(ascii))
      case 'w':
        return wordTest(ascii)
      case 'W':
        return negate(wordTest(ascii))
      case 's':
        return spaceTest(ascii)
      case 'S':
        return negate(spaceTest(ascii))
      case 'p':
      case 'P': {
        const match = /^\{([^}]*)\}/.exec(this.pattern.slice(this.offset, this.offset + 48))
        if (match === null) return this.fail(`Malformed \\${char}{...} escape.`, start)
        this.offset += match[0].length
        const category = categoryTest(match[1] ?? '')
        if (category === null)
          return this.fail(`Unknown or unsupported Unicode category "${match[1] ?? ''}".`, start)
        const test = this.withCase(category)
        return char === 'p' ? test : negate(test)
      }
      default:
        return null
    }
  }

  /** The code unit of a character escape (`\t`, `\x41`, `\u0041`, `\cA`, `\0`, `\.`). */
  private escapedChar(char: string, start: number, inClass: boolean): number {
    switch (char) {
      case 't':
        return 0x09
      case 'n':
        return 0x0a
      case 'r':
        return 0x0d
      case 'f':
        return 0x0c
      case 'v':
        return 0x0b
      case 'e':
        return 0x1b
      case 'a':
        return 0x07
      case 'b':
        if (inClass) return 0x08
        break
      case 'x':
        return this.hexDigits(2, start)
      case 'u':
        return this.hexDigits(4, start)
      case 'c': {
        const letter = this.peek().toUpperCase()
        if (letter < 'A' || letter > 'Z') this.fail('Missing control character after \\c.', start)
        this.offset++
        return letter.charCodeAt(0) - 64
      }
      case '0': {
        const match = /^[0-7]{0,2}/.exec(this.pattern.slice(this.offset, this.offset + 2))
        const digits = match?.[0] ?? ''
        this.offset += digits.length
        return digits === '' ? 0 : parseInt(digits, 8)
      }
      default:
        break
    }
    if (/[A-Za-z0-9_]/.test(char)) this.fail(`Unrecognized escape sequence \\${char}.`, start)
    return char.charCodeAt(0)
  }

  private hexDigits(count: number, start: number): number {
    const digits = this.pattern.slice(this.offset, this.offset + count)
    if (digits.length !== count || !/^[0-9A-Fa-f]+$/.test(digits)) {
      this.fail(`Insufficient hexadecimal digits in escape.`, start)
    }
    this.offset += count
    return parseInt(digits, 16)
  }

  /** A character class after its "[", with the case flag applied before negation as .NET does. */
  private parseClass(start: number): CharTest {
    let negated = false
    if (this.peek() === '^') {
      negated = true
      this.offset++
    }
    const parts: ClassPart[] = []
    let subtract: CharTest | null = null
    let first = true
    for (;;) {
      const char = this.peek()
      if (char === '') this.fail('Unterminated [] set.', start)
      if (char === ']' && !first) {
        this.offset++
        break
      }
      first = false
      if (char === '-' && this.pattern.charAt(this.offset + 1) === '[') {
        const subStart = this.offset
        this.offset += 2
        subtract = this.parseClass(subStart)
        if (this.peek() !== ']')
          this.fail('A subtraction must be the last element of a character class.', subStart)
        this.offset++
        break
      }
      const low = this.classAtom(start)
      if (typeof low !== 'number') {
        parts.push({ test: low })
        continue
      }
      if (
        this.peek() === '-' &&
        this.pattern.charAt(this.offset + 1) !== ']' &&
        this.pattern.charAt(this.offset + 1) !== ''
      ) {
        if (this.pattern.charAt(this.offset + 1) === '[') {
          parts.push({ test: (code) => code === low })
          continue
        }
        this.offset++
        const high = this.classAtom(start)
        if (typeof high !== 'number') this.fail('A range cannot end with a character class shorthand.', start)
        if (high < low) this.fail('[x-y] range in reverse order.', start)
        parts.push({ test: (code) => code >= low && code <= high })
        continue
      }
      parts.push({ test: (code) => code === low })
    }
    const member: CharTest = (code) => {
      for (const part of parts) if (part.test(code)) return true
      return false
    }
    const cased = this.withCase(member)
    const excluded = subtract
    return (code) => cased(code) !== negated && !(excluded !== null && excluded(code))
  }

  /** One member of a class: a code unit, or a shorthand test. */
  private classAtom(start: number): number | CharTest {
    const char = this.peek()
    this.offset++
    if (char !== '\\') return char.charCodeAt(0)
    const escaped = this.peek()
    if (escaped === '') this.fail('Illegal "\\" at the end of the pattern.', start)
    this.offset++
    const shorthand = this.shorthand(escaped, start)
    if (shorthand !== null) return shorthand
    return this.escapedChar(escaped, start, true)
  }
}

function negate(test: CharTest): CharTest {
  return (code) => !test(code)
}

function applyInlineFlags(flags: RegexFlags, on: string, off: string): RegexFlags {
  const set = (letter: string, current: boolean): boolean =>
    on.includes(letter) ? true : off.includes(letter) ? false : current
  return {
    ignoreCase: set('i', flags.ignoreCase),
    multiline: set('m', flags.multiline),
    singleline: set('s', flags.singleline),
    ignoreWhitespace: set('x', flags.ignoreWhitespace),
    ecmaScript: flags.ecmaScript,
  }
}
