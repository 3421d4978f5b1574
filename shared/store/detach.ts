/**
 * A copy of a string that shares no memory with its source.
 *
 * Parsers hand over slices of their input buffers; keeping such a slice keeps the whole buffer
 * alive. V8 makes no slices shorter than 13 characters, and it flattens a concatenation into new
 * storage before slicing it, so the result references only that new storage.
 */
export function detachString(text: string): string {
  if (text.length < 13) return text
  return ` ${text}`.slice(1)
}

/**
 * A deep copy of plain data (strings, numbers, booleans, null, arrays, plain objects) that shares no
 * string memory with its source; used for the rarely present parts of objects, kept as they came.
 */
export function detachData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
