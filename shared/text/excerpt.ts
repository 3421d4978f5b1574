/** Longest part of a value from a file that a message or an output line repeats. */
export const MAX_EXCERPT = 200

/**
 * A value from a file as messages and outputs may repeat it: whole when short, else its start and its length.
 *
 * A hostile file can hold a 100 MB name or expression; echoing it whole would print (or keep) it again. Cutting at
 * a UTF-16 surrogate pair keeps the pair whole, so the excerpt is always valid text.
 */
export function excerpt(value: string, max = MAX_EXCERPT): string {
  if (value.length <= max) return value
  const code = value.charCodeAt(max - 1)
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max
  return `${value.slice(0, end)}… (${value.length.toLocaleString('en-US')} characters)`
}

/** An excerpt in double quotes with quotes, backslashes and control characters escaped, as JSON writes a string. */
export function quotedExcerpt(value: string, max = MAX_EXCERPT): string {
  if (value.length <= max) return JSON.stringify(value)
  const cut = excerpt(value, max)
  const marker = cut.lastIndexOf('… (')
  return `${JSON.stringify(cut.slice(0, marker))}${cut.slice(marker)}`
}
