import { describe, expect, it } from 'vitest'
import { dateFromFiletime, filetimeFromDate } from './filetime'
import { formatDateTime } from './format-date-time'
import { parseDateText } from './parse-date'

describe('parseDateText', () => {
  it.each([
    ['2013-01-10 4:00 PM -8', '2013-01-11T00:00:00.000Z'],
    ['2013-01-10 4:00 AM -08:00', '2013-01-10T12:00:00.000Z'],
    ['2013-01-10 12:00 AM', '2013-01-10T00:00:00.000Z'],
    ['2013-01-10 12:00 PM', '2013-01-10T12:00:00.000Z'],
    ['2013/1/2', '2013-01-02T00:00:00.000Z'],
    ['1/2/2013', '2013-01-02T00:00:00.000Z'],
    ['2013-01-10T16:00:00.5Z', '2013-01-10T16:00:00.500Z'],
    ['2013-01-10T16:00:00+0130', '2013-01-10T14:30:00.000Z'],
    ['Thursday, January 10, 2013', '2013-01-10T00:00:00.000Z'],
    ['10 Sept 2013', '2013-09-10T00:00:00.000Z'],
    ['20131231235959Z', '2013-12-31T23:59:59.000Z'],
    ['201312312359Z', '2013-12-31T23:59:00.000Z'],
    ['0099-01-01', '0099-01-01T00:00:00.000Z'],
  ])('%j is %s', (text, iso) => {
    expect(parseDateText(text)?.toISOString()).toBe(iso)
  })

  it.each([
    '',
    'tomorrow',
    '2013-13-01',
    '2013-02-29',
    '2013-01-10 25:00',
    '2013-01-10 0:00 PM',
    '2013-01-10 +15',
    'x'.repeat(100),
  ])('rejects %j', (text) => {
    expect(parseDateText(text)).toBeNull()
  })
})

describe('formatDateTime', () => {
  const date = new Date('2009-06-15T13:45:30.617Z')

  it.each([
    ['yyyy-MM-dd HH:mm:ss.fff', '2009-06-15 13:45:30.617'],
    ['y yy yyy yyyyy', '9 09 2009 02009'],
    ['M MM MMM MMMM', '6 06 Jun June'],
    ['d dd ddd dddd', '15 15 Mon Monday'],
    ['h hh H HH t tt', '1 01 13 13 P PM'],
    ['f ff FFFF fffffff', '6 61 617 6170000'],
    ['z zz zzz K g', '+0 +00 +00:00 Z A.D.'],
    ['\'yyyy\' "MM" \\d %d', 'yyyy MM d 15'],
    ['yyyyMMddHHmmss.0Z', '20090615134530.0Z'],
    ['d', '06/15/2009'],
    ['D', 'Monday, 15 June 2009'],
    ['o', '2009-06-15T13:45:30.6170000Z'],
    ['r', 'Mon, 15 Jun 2009 13:45:30 GMT'],
    ['Y', '2009 June'],
  ])('%j gives %j', (format, expected) => {
    expect(formatDateTime(date, format)).toEqual({ ok: true, text: expected })
  })
})

describe('FILETIME', () => {
  it('converts both ways at the AD epoch and a known date', () => {
    expect(dateFromFiletime(0)?.toISOString()).toBe('1601-01-01T00:00:00.000Z')
    expect(dateFromFiletime(129699324000000000)?.toISOString()).toBe('2012-01-01T23:00:00.000Z')
    expect(filetimeFromDate(new Date('2012-01-01T23:00:00Z'))).toBe(129699324000000000)
    // AD's "never" (0x7FFFFFFFFFFFFFFF) lies past DateTime.MaxValue (year 9999): .NET has no date for it.
    expect(dateFromFiletime(Number('9223372036854775807'))).toBeNull()
    expect(dateFromFiletime(2_650_467_743_990_000_000)?.toISOString()).toBe('9999-12-31T23:59:59.000Z')
    expect(dateFromFiletime(-1)).toBeNull()
  })
})
