import type { UnknownPart } from '../../model/objects'

/** Unknown parts kept per object, and characters kept per part. */
const MAX_PARTS = 64
const MAX_TEXT = 4096
const NO_PARTS: readonly UnknownPart[] = Object.freeze([])

/**
 * Keeps the elements a reader does not know as name + text, bounded so that an odd file cannot
 * make one object huge. Nested unknown elements add to the text of the outermost one.
 */
export class UnknownParts {
  private parts: UnknownPart[] = []
  private dropped = 0
  private openName = ''
  private openDepth = 0
  private collected = ''

  /** Starts a new object. */
  public reset(): void {
    this.parts = []
    this.dropped = 0
    this.openDepth = 0
    this.collected = ''
  }

  /** Keeps a part given whole. */
  public add(name: string, text: string): void {
    if (this.parts.length >= MAX_PARTS) {
      this.dropped++
      return
    }
    this.parts.push({ name, text: bounded(text) })
  }

  /** An unknown element opens at `depth`; only the outermost one starts a part. */
  public open(name: string, depth: number): void {
    if (this.openDepth !== 0) return
    this.openName = name
    this.openDepth = depth
    this.collected = ''
  }

  /** Text inside the open unknown element. */
  public text(value: string): void {
    if (this.collected.length <= MAX_TEXT) this.collected += value
  }

  /** An element inside or at the unknown element closes. */
  public close(depth: number): void {
    if (depth === this.openDepth) {
      this.add(this.openName, this.collected.trim())
      this.openDepth = 0
      this.collected = ''
    } else if (this.collected !== '' && !/\s$/.test(this.collected)) {
      this.collected += '\n'
    }
  }

  /** The parts of the finished object. */
  public take(): readonly UnknownPart[] {
    if (this.dropped > 0) {
      this.parts.push({ name: '(more)', text: `${this.dropped} more unknown parts were not kept` })
    }
    const parts = this.parts.length === 0 ? NO_PARTS : this.parts
    this.parts = []
    this.dropped = 0
    return parts
  }
}

function bounded(text: string): string {
  return text.length <= MAX_TEXT
    ? text
    : `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)`
}
