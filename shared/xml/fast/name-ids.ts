/** Predeclared names of a format and the ids its sink switches on (index in `names`). */
export interface NameIds<K extends string> {
  readonly names: readonly string[]
  readonly ids: { readonly [key in K]: number }
}

/**
 * Declares the names a format knows, as `{ constantName: 'xml-name' }`. A NameTable built from
 * `names` hands out exactly these ids, so sinks compare integers.
 */
export function defineNames<K extends string>(spec: { readonly [key in K]: string }): NameIds<K> {
  const names: string[] = []
  const ids = new Map<string, number>()
  for (const key of Object.keys(spec) as K[]) {
    const name = spec[key]
    let id = names.indexOf(name)
    if (id === -1) {
      id = names.length
      names.push(name)
    }
    ids.set(key, id)
  }
  return { names, ids: Object.fromEntries(ids) as { readonly [key in K]: number } }
}
