/** Hand-made hostile XML documents shared by the hostile and fuzz tests (tests only). */

/** The classic "billion laughs" entity bomb: ten levels of ten-fold entity expansion. */
export const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  '  <!ENTITY lol "lol">',
  ...Array.from(
    { length: 9 },
    (_, level) => `  <!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`,
  ),
  ']>',
  '<cs-objects><cs-object id="{00000000-0000-4000-8000-000000000001}" cs-dn="CN=&lol9;" object-type="user"/></cs-objects>',
].join('\n')

/** An external entity pointing at a local file and a URL: a parser that resolves it leaks or fetches. */
export function externalEntity(root: string): string {
  return [
    '<?xml version="1.0"?>',
    `<!DOCTYPE ${root} [`,
    '  <!ENTITY secret SYSTEM "file:///etc/passwd">',
    '  <!ENTITY remote SYSTEM "http://127.0.0.1:9/never-fetched">',
    ']>',
    `<${root}><name>&secret;&remote;</name></${root}>`,
  ].join('\n')
}

/** A parameter-entity DTD that would pull an external subset when resolved. */
export function externalDtd(root: string): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE ${root} SYSTEM "http://127.0.0.1:9/evil.dtd">\n<${root}/>`
}

/** Elements nested `depth` levels deep under `root`. */
export function deeplyNested(root: string, depth: number): string {
  return `<${root}>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</${root}>`
}

/** A csexport document with one object whose attribute `name` has `count` values. */
export function csExportWithManyValues(name: string, count: number): string {
  const values = '<value>v</value>'.repeat(count)
  return `<cs-objects><cs-object cs-dn="CN=Many,DC=contoso,DC=com" id="{00000000-0000-4000-8000-0000000000aa}" object-type="user"><synchronized-hologram><entry dn="CN=Many,DC=contoso,DC=com"><attr name="${name}" type="string" multivalued="true">${values}</attr></entry></synchronized-hologram></cs-object></cs-objects>`
}

/** The head of a csexport document whose next bytes are inside one attribute value, and its tail. */
export const GIANT_VALUE_HEAD =
  '<cs-objects><cs-object cs-dn="CN=Giant,DC=contoso,DC=com" id="{00000000-0000-4000-8000-0000000000bb}" object-type="user"><synchronized-hologram><entry dn="CN=Giant,DC=contoso,DC=com"><attr name="description" type="string" multivalued="false"><value>'

/** Closes the document opened by GIANT_VALUE_HEAD. */
export const GIANT_VALUE_TAIL = '</value></attr></entry></synchronized-hologram></cs-object></cs-objects>'
