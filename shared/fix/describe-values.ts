/** Values in a line of text: `(none)`, `"a"`, or `"a", "b"` (at most three, then a count; long ones cut). */
export function describeValueList(values: readonly string[]): string {
  if (values.length === 0) return '(none)'
  const shown = values
    .slice(0, 3)
    .map((value) => JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value))
  return values.length > 3 ? `${shown.join(', ')} and ${values.length - 3} more` : shown.join(', ')
}
