/** Date / Time functions. Dates are UTC; AD integer dates are FILETIME. */
import { asDate, asNumber, asString } from '../convert'
import { dateAdd, DATE_ADD_INTERVALS } from '../dates/date-add'
import { dateFromFiletime, filetimeFromDate } from '../dates/filetime'
import { formatDateTime } from '../dates/format-date-time'
import { EvalFailure } from '../eval-failure'
import type { FunctionImpl } from './function-types'
import { arg } from './function-types'

const dateAddImpl: FunctionImpl = (args) => {
  const interval = asString(arg(args, 0), 'DateAdd')
  const count = asNumber(arg(args, 1), 'DateAdd')
  const date = asDate(arg(args, 2), 'DateAdd')
  const result = dateAdd(interval, count, date)
  if (result === null) {
    if (!DATE_ADD_INTERVALS.includes(interval.toLowerCase())) {
      throw new EvalFailure(
        `DateAdd interval must be one of ${DATE_ADD_INTERVALS.join(', ')}, not "${interval}".`,
      )
    }
    throw new EvalFailure('DateAdd: the resulting date is out of range.')
  }
  return result
}

const dateFromNum: FunctionImpl = (args) => {
  const value = asNumber(arg(args, 0), 'DateFromNum')
  const date = dateFromFiletime(value)
  if (date === null) throw new EvalFailure(`DateFromNum: ${value} is not an AD date (FILETIME).`)
  return date
}

const formatDateTimeImpl: FunctionImpl = (args) => {
  const date = asDate(arg(args, 0), 'FormatDateTime')
  const result = formatDateTime(date, asString(arg(args, 1), 'FormatDateTime'))
  if (!result.ok) throw new EvalFailure(`FormatDateTime: ${result.message}`)
  return result.text
}

const numFromDate: FunctionImpl = (args) => {
  const value = filetimeFromDate(asDate(arg(args, 0), 'NumFromDate'))
  if (value === null) throw new EvalFailure('NumFromDate: dates before 1601 have no AD date number.')
  return value
}

/** The date functions by name. */
export const DATE_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['DateAdd', dateAddImpl],
  ['DateFromNum', dateFromNum],
  ['FormatDateTime', formatDateTimeImpl],
  ['Now', (_args, env) => env.now()],
  ['NumFromDate', numFromDate],
])
