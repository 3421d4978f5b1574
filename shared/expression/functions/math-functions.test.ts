import { describe, expect, it } from 'vitest'
import { valueOf } from '../testing/eval-helpers'

describe('math functions', () => {
  it.each([
    ['BitAnd(&HF,&HF7)', 7],
    ['BitAnd(514,2)', 2],
    ['BitAnd(-2147483646,-2147483648)', -2147483648],
    ['BitAnd(&H21C07000, 1073741824)', 0],
    ['BitAnd(34359738368, &H800000000)', 34359738368],
    ['BitOr(&HF0,&H0F)', 255],
    ['BitOr(1,2)', 3],
    ['RandomNum(100,999)', 550],
    ['RandomNum(5,5)', 5],
    ['RandomStr(4)', 'ffff'],
    ['Len(RandomStr(0))', 0],
  ])('%s = %j (random source fixed at 0.5)', (expression, expected) => {
    expect(valueOf(expression)).toEqual(expected)
  })

  it('RandomNum stays inside the range at the top of the random source', () => {
    expect(valueOf('RandomNum(1,3)', { random: () => 0.999999 })).toBe(3)
    expect(valueOf('RandomNum(1,3)', { random: () => 0 })).toBe(1)
  })

  it.each([
    ['RandomNum(5,1)', 'below start'],
    ['RandomStr(-1)', 'must not be negative'],
    ['RandomStr(5000000)', 'longer than 1 MiB'],
    ['BitAnd("x",1)', 'BitAnd expects a number'],
  ])('%s is an error mentioning %j', (expression, fragment) => {
    expect(valueOf(expression)).toContain(fragment)
  })
})
