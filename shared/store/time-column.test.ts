import { describe, expect, it } from 'vitest'
import { TimeColumn } from './time-column'

describe('TimeColumn', () => {
  it.each([
    '2024-01-15T03:21:31.000Z',
    '2024-01-15 03:21:31.377',
    '2024-01-15T03:21:31Z',
    '2024-01-15T03:21:31.1234567+02:00',
    '1970-01-01T00:00:00.000Z',
    '2106-02-07T06:28:15.999Z',
    '2024-02-29T23:59:59.5Z',
    '2000-02-29 12:00:00',
  ])('packs %s into numbers and writes it back exactly', (time) => {
    const column = new TimeColumn()

    column.push(time)

    expect(column.get(0)).toBe(time)
    expect(column.byteSize()).toBeLessThan(200)
  })

  it.each([
    '2024-13-45T25:61:61.000Z',
    '2023-02-29T00:00:00.000Z',
    '2024-04-31T00:00:00.000Z',
    '2024-01-01T24:00:00.000Z',
    '1969-12-31T23:59:59.000Z',
    '2200-01-01T00:00:00.000Z',
    '5/24/2016 6:17:46 PM',
    '2024-01-15T03:21:31.000z',
    '2024-01-15T03:21:31.',
    '2024-01-15T03:21:31.1234567890Z',
    '2024-01-15T03:21:31+0200',
    '2024-01-15T03:21:31+02:00 ',
    '2024-01-15X03:21:31',
    '2024-1-15T03:21:31',
    '２０２４-01-15T03:21:31',
    '',
  ])('keeps %j, which does not pack, as text', (time) => {
    const column = new TimeColumn()

    column.push(time)
    column.seal()

    expect(column.get(0)).toBe(time)
  })

  it('keeps nulls and tells packed entries apart', () => {
    const column = new TimeColumn()
    const times = [
      null,
      '2024-01-15T03:21:31.000Z',
      null,
      'later',
      '2024-01-15T03:21:31.000Z',
      '2024-01-15 03:21:31.050',
    ]

    times.forEach((time) => column.push(time))
    column.seal()

    expect(times.map((_, index) => column.get(index))).toEqual(times)
  })

  it('stores lineage times in about nine bytes each', () => {
    const column = new TimeColumn()
    const count = 131_072

    for (let index = 0; index < count; index += 1) column.push(new Date(1.7e12 + index * 1000).toISOString())

    expect(column.byteSize() / count).toBeLessThan(10)
  })
})
