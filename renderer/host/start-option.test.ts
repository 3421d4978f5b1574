import { describe, expect, it } from 'vitest'
import { browserReaders, browserStart } from './start-option'

describe('browserStart', () => {
  it.each([
    ['', 'training'],
    ['?start=empty', 'empty'],
    ['?theme=dark&start=empty', 'empty'],
    ['?start=training', 'training'],
    ['?start=EMPTY', 'training'],
    ['?start', 'training'],
  ] as const)('%j starts on %s', (search, expected) => {
    expect(browserStart(search)).toBe(expected)
  })
})

describe('browserReaders', () => {
  it.each([
    ['', null],
    ['?readers=2', 2],
    ['?start=empty&readers=1', 1],
    ['?readers=0', null],
    ['?readers=-3', null],
    ['?readers=2.5', null],
    ['?readers=two', null],
    ['?readers=', null],
  ] as const)('%j asks for %s threads', (search, expected) => {
    expect(browserReaders(search)).toBe(expected)
  })
})
