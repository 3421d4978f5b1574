type JsonState = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done'

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERALS = ['true', 'false', 'null']
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/**
 * The offset of the first JSON syntax error in a text, or null when it is valid JSON.
 * JSON.parse messages carry a position only on some engines and for some errors; this scan always does.
 * It keeps an explicit stack, so deeply nested input cannot overflow the call stack.
 */
export function jsonErrorOffset(text: string): number | null {
  const stack: ('{' | '[')[] = []
  let state: JsonState = 'value'
  let position = 0
  const afterValue = (): JsonState => (stack.length === 0 ? 'done' : 'commaOrEnd')
  for (;;) {
    while (position < text.length && ' \t\r\n'.includes(text.charAt(position))) position++
    if (position >= text.length) return state === 'done' ? null : position
    const char = text.charAt(position)
    switch (state) {
      case 'value':
      case 'valueOrEnd': {
        if (state === 'valueOrEnd' && char === ']') {
          stack.pop()
          position++
          state = afterValue()
        } else if (char === '{' || char === '[') {
          stack.push(char)
          position++
          state = char === '{' ? 'keyOrEnd' : 'valueOrEnd'
        } else {
          const end = scalarEnd(text, position)
          if (end < 0) return -end - 1
          position = end
          state = afterValue()
        }
        break
      }
      case 'key':
      case 'keyOrEnd': {
        if (state === 'keyOrEnd' && char === '}') {
          stack.pop()
          position++
          state = afterValue()
          break
        }
        if (char !== '"') return position
        const end = stringEnd(text, position)
        if (end < 0) return -end - 1
        position = end
        state = 'colon'
        break
      }
      case 'colon':
        if (char !== ':') return position
        position++
        state = 'value'
        break
      case 'commaOrEnd': {
        const open = stack[stack.length - 1]
        if (char === ',') {
          position++
          state = open === '{' ? 'key' : 'value'
        } else if ((char === '}' && open === '{') || (char === ']' && open === '[')) {
          stack.pop()
          position++
          state = afterValue()
        } else {
          return position
        }
        break
      }
      case 'done':
        return position
    }
  }
}

/** End offset of a string, number or literal at `start`; an error at offset e is returned as -(e + 1). */
function scalarEnd(text: string, start: number): number {
  if (text.charAt(start) === '"') return stringEnd(text, start)
  NUMBER.lastIndex = start
  if (NUMBER.test(text)) return NUMBER.lastIndex
  const literal = LITERALS.find((word) => text.startsWith(word, start))
  return literal === undefined ? -(start + 1) : start + literal.length
}

function stringEnd(text: string, start: number): number {
  let position = start + 1
  while (position < text.length) {
    const char = text.charAt(position)
    if (char === '"') return position + 1
    if (char < ' ') return -(position + 1)
    if (char === '\\') {
      const escaped = text.charAt(position + 1)
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) return -(position + 1)
        position += 6
        continue
      }
      if (!ESCAPES.has(escaped)) return -(position + 1)
      position += 2
      continue
    }
    position++
  }
  return -(text.length + 1)
}
