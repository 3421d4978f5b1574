/**
 * Compiles a parsed pattern to a Thompson NFA program and runs it as a Pike VM without captures:
 * every input position is visited once with at most one thread per instruction, so a match costs
 * O(pattern × input) whatever the pattern.
 */
import type { CharTest } from './char-class'
import { wordTest } from './char-class'
import type { AssertionKind, RegexNode } from './regex-ast'

/** One instruction of a compiled pattern. */
export type Instruction =
  | { readonly op: 'char'; readonly test: CharTest }
  | { readonly op: 'split'; readonly first: number; readonly second: number }
  | { readonly op: 'jump'; readonly target: number }
  | { readonly op: 'assert'; readonly kind: AssertionKind }
  | { readonly op: 'match' }

/** The pattern compiles to more instructions than allowed. */
export class RegexTooLargeError extends Error {}

/** The match needed more work than its budget. */
export class RegexBudgetError extends Error {}

type MutableInstruction =
  | { op: 'char'; test: CharTest }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; target: number }
  | { op: 'assert'; kind: AssertionKind }
  | { op: 'match' }

/** Compiles a pattern; throws RegexTooLargeError above `maxInstructions`. */
export function compileRegex(node: RegexNode, maxInstructions: number): readonly Instruction[] {
  const program: MutableInstruction[] = []
  const emit = (instruction: MutableInstruction): number => {
    if (program.length >= maxInstructions) {
      throw new RegexTooLargeError(`The pattern expands to more than ${maxInstructions} instructions.`)
    }
    program.push(instruction)
    return program.length - 1
  }
  const compile = (current: RegexNode): void => {
    switch (current.type) {
      case 'empty':
        return
      case 'char':
        emit({ op: 'char', test: current.test })
        return
      case 'assert':
        emit({ op: 'assert', kind: current.kind })
        return
      case 'concat':
        for (const item of current.items) compile(item)
        return
      case 'alt': {
        const jumps: MutableInstruction[] = []
        current.options.forEach((option, index) => {
          if (index === current.options.length - 1) {
            compile(option)
            return
          }
          const split = { op: 'split' as const, first: 0, second: 0 }
          emit(split)
          split.first = program.length
          compile(option)
          const jump = { op: 'jump' as const, target: 0 }
          emit(jump)
          jumps.push(jump)
          split.second = program.length
        })
        for (const jump of jumps) if (jump.op === 'jump') jump.target = program.length
        return
      }
      case 'repeat':
        compileRepeat(current.item, current.min, current.max)
        return
    }
  }
  const compileRepeat = (item: RegexNode, min: number, max: number): void => {
    for (let i = 0; i < min; i++) compile(item)
    if (max === Infinity) {
      const split = { op: 'split' as const, first: 0, second: 0 }
      const loop = emit(split)
      split.first = program.length
      compile(item)
      emit({ op: 'jump', target: loop })
      split.second = program.length
      return
    }
    const splits: { op: 'split'; first: number; second: number }[] = []
    for (let i = min; i < max; i++) {
      const split = { op: 'split' as const, first: 0, second: 0 }
      emit(split)
      split.first = program.length
      splits.push(split)
      compile(item)
    }
    for (const split of splits) split.second = program.length
  }
  compile(node)
  emit({ op: 'match' })
  return program
}

/** A set of instruction indexes with O(1) clear, used once per input position. */
class ThreadList {
  public readonly dense: Int32Array
  public size = 0
  private readonly sparse: Int32Array

  public constructor(capacity: number) {
    this.dense = new Int32Array(capacity)
    this.sparse = new Int32Array(capacity)
  }

  public has(pc: number): boolean {
    const slot = this.sparse[pc] ?? 0
    return slot < this.size && this.dense[slot] === pc
  }

  public add(pc: number): void {
    this.sparse[pc] = this.size
    this.dense[this.size] = pc
    this.size++
  }

  public clear(): void {
    this.size = 0
  }
}

const isWordChar = wordTest(false)

function holds(kind: AssertionKind, input: string, position: number): boolean {
  const length = input.length
  switch (kind) {
    case 'textStart':
      return position === 0
    case 'textEnd':
      return position === length
    case 'endBeforeFinalNewline':
      return position === length || (position === length - 1 && input.charCodeAt(position) === 0x0a)
    case 'textEndBeforeNewline':
      return position === length || input.charCodeAt(position) === 0x0a
    case 'lineStart':
      return position === 0 || input.charCodeAt(position - 1) === 0x0a
    case 'lineEnd':
      return position === length || input.charCodeAt(position) === 0x0a
    case 'wordBoundary':
    case 'notWordBoundary': {
      const before = position > 0 && isWordChar(input.charCodeAt(position - 1))
      const after = position < length && isWordChar(input.charCodeAt(position))
      return (before !== after) === (kind === 'wordBoundary')
    }
  }
}

/** True when the program matches anywhere in `input`; throws RegexBudgetError past `budget` steps. */
export function runRegex(program: readonly Instruction[], input: string, budget: number): boolean {
  let current = new ThreadList(program.length)
  let next = new ThreadList(program.length)
  const stack: number[] = []
  let work = 0
  const addThread = (list: ThreadList, start: number, position: number): boolean => {
    stack.push(start)
    while (stack.length > 0) {
      const pc = stack.pop() ?? 0
      if (list.has(pc)) continue
      list.add(pc)
      if (++work > budget)
        throw new RegexBudgetError('The regular expression needed too much work on this input.')
      const instruction = program[pc]
      if (instruction === undefined) continue
      switch (instruction.op) {
        case 'match':
          stack.length = 0
          return true
        case 'jump':
          stack.push(instruction.target)
          break
        case 'split':
          stack.push(instruction.second, instruction.first)
          break
        case 'assert':
          if (holds(instruction.kind, input, position)) stack.push(pc + 1)
          break
        case 'char':
          break
      }
    }
    return false
  }
  for (let position = 0; ; position++) {
    if (addThread(current, 0, position)) return true
    if (position >= input.length) return false
    const code = input.charCodeAt(position)
    next.clear()
    for (let i = 0; i < current.size; i++) {
      const pc = current.dense[i] ?? 0
      const instruction = program[pc]
      if (instruction?.op === 'char' && instruction.test(code) && addThread(next, pc + 1, position + 1))
        return true
    }
    const swap = current
    current = next
    next = swap
    next.clear()
  }
}
