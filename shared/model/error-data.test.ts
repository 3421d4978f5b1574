import { describe, expect, it } from 'vitest'
import { RemoteError, toErrorData } from './error-data'

describe('toErrorData', () => {
  it('keeps name, message, code and the chain of causes of an Error', () => {
    const cause = Object.assign(new RangeError('offset out of range'), { code: 'E_RANGE' })
    const error = new TypeError('row is undefined', { cause })

    const data = toErrorData(error)

    expect(data).toMatchObject({
      name: 'TypeError',
      message: 'row is undefined',
      cause: { name: 'RangeError', message: 'offset out of range', code: 'E_RANGE' },
    })
    expect(data.stack).toContain('row is undefined')
  })

  it('turns anything thrown into data, and clips what is too long to carry', () => {
    expect(toErrorData('plain text')).toEqual({ name: 'Error', message: 'plain text' })
    expect(toErrorData(new Error('x'.repeat(10_000))).message).toMatch(/^x{4000}… \(6000 more characters\)$/)
  })

  it('survives structured cloning and comes back as the same data', () => {
    const data = toErrorData(new Error('worker failed', { cause: new Error('disk gone') }))

    const rebuilt = new RemoteError(structuredClone(data))

    expect(rebuilt).toBeInstanceOf(Error)
    expect(rebuilt.message).toBe('worker failed')
    expect(rebuilt.cause).toBeInstanceOf(RemoteError)
    expect(toErrorData(rebuilt)).toEqual(data)
  })

  it('stops following causes that loop', () => {
    const error = new Error('first')
    ;(error as { cause?: unknown }).cause = error

    let depth = 0
    for (let data = toErrorData(error).cause; data !== undefined; data = data.cause) depth++

    expect(depth).toBe(4)
  })
})
