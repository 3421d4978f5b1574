import { describe, expect, it } from 'vitest'
import type { Attribute } from '../model/objects'
import { AttributeTable } from './attribute-table'

function attribute(name: string, values: string[], type: Attribute['type'] = 'String'): Attribute {
  return { name, type, multiValued: values.length > 1, values }
}

describe('AttributeTable', () => {
  it('reads every row back as added when rows repeat, skip or reorder names and change their shape', () => {
    // Rows of one "type" list their names in one order, which the table guesses from; these rows break the guess
    // every way: a name left out, one added, the order changed, the same name with another type or multi-valuedness,
    // the same name twice in a row, and a name that differs from a guessed one only in case.
    const rows: Attribute[][] = [
      [attribute('cn', ['Ana']), attribute('mail', ['ana@x']), attribute('sn', ['Trujillo'])],
      [attribute('cn', ['Bo']), attribute('mail', ['bo@x']), attribute('sn', ['Ek'])],
      [attribute('cn', ['Cy']), attribute('sn', ['Ode'])],
      [attribute('cn', ['Di']), attribute('mail', ['di@x']), attribute('sn', ['Vu'])],
      [attribute('mail', ['ed@x']), attribute('cn', ['Ed'])],
      [attribute('cn', ['Flo']), attribute('mail', ['f1@x', 'f2@x']), attribute('sn', ['Po'])],
      [attribute('cn', ['Gil']), attribute('mail', ['gil@x'], 'Reference'), attribute('sn', ['Ng'])],
      [attribute('cn', ['Hal']), attribute('Mail', ['hal@x']), attribute('sn', ['Ito'])],
      [attribute('cn', ['Ivy']), attribute('mail', ['i1@x']), attribute('mail', ['i2@x'])],
      [],
      [attribute('cn', ['Jo']), attribute('mail', ['jo@x']), attribute('sn', ['Li'])],
    ]
    const table = new AttributeTable(false)
    for (const row of rows) table.addRow(row)

    rows.forEach((row, index) => expect(table.attributeValuesOf(index)).toEqual(row))
    // One column per name whatever its case, shape or type.
    expect(table.columnCount).toBe(3)
  })
})
