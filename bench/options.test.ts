import { describe, expect, it } from 'vitest'
import { parseBenchOptions, parseSize, sizeLabel } from './options'

describe('parseSize', () => {
  it.each([
    ['10000', 10_000],
    ['300k', 300_000],
    ['1m', 1_000_000],
    ['1M', 1_000_000],
    ['1_000_000', 1_000_000],
    ['2.5k', 2_500],
  ])('reads %s as %i', (text, expected) => {
    expect(parseSize(text)).toBe(expected)
  })

  it.each(['', 'ten', '-5', '0', '1g', '1e6'])('refuses %j', (text) => {
    expect(parseSize(text)).toBeNull()
  })
})

describe('sizeLabel', () => {
  it.each([
    [10_000, '10k'],
    [1_000_000, '1m'],
    [1_234, '1234'],
  ])('labels %i as %s', (size, expected) => {
    expect(sizeLabel(size)).toBe(expected)
  })
})

describe('parseBenchOptions', () => {
  it('measures 10k, 100k and 300k with the browser by default', () => {
    expect(parseBenchOptions([])).toEqual({
      sizes: [10_000, 100_000, 300_000],
      ci: false,
      browser: true,
      filePasses: true,
      runs: 1,
      firstScreenRounds: 3,
      processStart: true,
      compare: true,
      nodeAsIs: false,
    })
  })

  it('stays on the running Node with --node-as-is', () => {
    expect(parseBenchOptions(['--node-as-is'])).toMatchObject({ nodeAsIs: true })
  })

  it('adds --size to the defaults, in ascending order', () => {
    expect(parseBenchOptions(['--size', '1m'])).toMatchObject({
      sizes: [10_000, 100_000, 300_000, 1_000_000],
    })
  })

  it('replaces the defaults with --sizes', () => {
    expect(parseBenchOptions(['--sizes=100k,10k'])).toMatchObject({ sizes: [10_000, 100_000] })
  })

  it('skips the per-file passes with --no-file-passes', () => {
    expect(parseBenchOptions(['--no-file-passes'])).toMatchObject({ filePasses: false })
  })

  it('skips the runs from process start and the comparison when told to', () => {
    expect(parseBenchOptions(['--no-process-start', '--no-compare'])).toMatchObject({
      processStart: false,
      compare: false,
    })
  })

  it('keeps only the small size with --ci', () => {
    expect(parseBenchOptions(['--ci', '--size', '1m'])).toMatchObject({ sizes: [10_000], ci: true })
  })

  it.each([['--size'], ['--size', 'lots'], ['--runs', '0'], ['--fast']])('explains %j', (...args) => {
    expect(parseBenchOptions(args)).toHaveProperty('error')
  })
})
