import { describe, expect, it } from 'vitest'
import { FIXED_NOW, valueOf } from '../testing/eval-helpers'

function utc(text: string): Date {
  return new Date(text)
}

describe('date functions', () => {
  it.each([
    ['DateFromNum(129699324000000000)', utc('2012-01-01T23:00:00Z')],
    ['DateFromNum("129699324000000000")', utc('2012-01-01T23:00:00Z')],
    ['DateFromNum(0)', utc('1601-01-01T00:00:00Z')],
    ['CDate("2013-01-10 4:00 PM -8")', utc('2013-01-11T00:00:00Z')],
    ['CDate("12/25/2007")', utc('2007-12-25T00:00:00Z')],
    ['CDate("2012-01-01 23:00:00")', utc('2012-01-01T23:00:00Z')],
    ['CDate("2013-01-10T16:00:00+05:30")', utc('2013-01-10T10:30:00Z')],
    ['CDate("20140905081453.0Z")', utc('2014-09-05T08:14:53Z')],
    ['CDate("January 10, 2013 12:00 AM")', utc('2013-01-10T00:00:00Z')],
    ['CDate("10 Jan 2013 12:30 PM UTC")', utc('2013-01-10T12:30:00Z')],
    ['DateAdd("m", 3, CDate("2001-01-01"))', utc('2001-04-01T00:00:00Z')],
    ['DateAdd("m", 1, CDate("2001-01-31"))', utc('2001-02-28T00:00:00Z')],
    ['DateAdd("yyyy", 1, CDate("2000-02-29"))', utc('2001-02-28T00:00:00Z')],
    ['DateAdd("q", -1, CDate("2001-05-15"))', utc('2001-02-15T00:00:00Z')],
    ['DateAdd("d", 10, CDate("2001-01-25"))', utc('2001-02-04T00:00:00Z')],
    ['DateAdd("y", 1, CDate("2001-01-25"))', utc('2001-01-26T00:00:00Z')],
    ['DateAdd("w", 1, CDate("2001-01-25"))', utc('2001-01-26T00:00:00Z')],
    ['DateAdd("ww", 2, CDate("2001-01-01"))', utc('2001-01-15T00:00:00Z')],
    ['DateAdd("h", 25, CDate("2001-01-01"))', utc('2001-01-02T01:00:00Z')],
    ['DateAdd("n", 90, CDate("2001-01-01"))', utc('2001-01-01T01:30:00Z')],
    ['DateAdd("s", -1, CDate("2001-01-01"))', utc('2000-12-31T23:59:59Z')],
    ['NumFromDate(CDate("2012-01-01 23:00:00"))', 129699324000000000],
    ['FormatDateTime(CDate("12/25/2007"),"yyyy-MM-dd")', '2007-12-25'],
    ['FormatDateTime(CDate("2013-01-10 4:05:09 PM"),"")', '01/10/2013 16:05:09'],
    ['FormatDateTime(DateFromNum(130543784930000000),"yyyyMMddHHmmss.0Z")', '20140905081453.0Z'],
    ['FormatDateTime(CDate("2013-01-10 4:05:09 PM"),"h:mm:ss tt")', '4:05:09 PM'],
    ['FormatDateTime(CDate("2013-01-10 4:05:09 PM"),"dddd, MMMM d, yy")', 'Thursday, January 10, 13'],
    ['FormatDateTime(CDate("2013-01-10 4:05:09 PM"),"ddd MMM \'at\' HH\\\\h")', 'Thu Jan at 16h'],
    ['FormatDateTime(CDate("2013-01-10 4:05:09 PM"),"s")', '2013-01-10T16:05:09'],
    ['FormatDateTime(CDate("2013-01-10 4:05:09 PM"),"u")', '2013-01-10 16:05:09Z'],
    ['FormatDateTime(CDate("2013-01-10T16:05:09.123Z"),"HH:mm:ss.fff K")', '16:05:09.123 Z'],
    ['FormatDateTime(CDate("2013-01-10T16:05:09.120Z"),"ss.FFF|ss.ffff")', '09.12|09.1200'],
    ['FormatDateTime("2013-01-10","yyyy")', '2013'],
    ['Now()', FIXED_NOW],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression)).toEqual(expected)
  })

  it('formats pwdLastSet as the default rule does', () => {
    const value = valueOf('CStr(FormatDateTime(DateFromNum([pwdLastSet]),"yyyyMMddHHmmss.0Z"))', {
      attributes: { pwdLastSet: 131000000000000000 },
    })

    expect(value).toBe('20160215085320.0Z')
  })

  it.each([
    ['CDate("not a date")', 'CDate expects a date'],
    ['CDate("2013-02-30")', 'CDate expects a date'],
    ['DateAdd("x", 1, Now())', 'DateAdd interval must be one of'],
    ['DateFromNum(-1)', 'is not an AD date'],
    // AD's "never expires" accountExpires is past DateTime.MaxValue: no date, not year 30828.
    ['DateFromNum(9223372036854775807)', 'is not an AD date'],
    ['FormatDateTime(Now(),"Q")', 'not a standard date format'],
    ['FormatDateTime(Now(),"ffffffff")', 'Invalid date format'],
    ['FormatDateTime(Now(),"\'open")', 'not closed'],
    ['NumFromDate(CDate("1500-01-01"))', 'before 1601'],
  ])('%s is an error mentioning %j', (expression, fragment) => {
    expect(valueOf(expression)).toContain(fragment)
  })
})
