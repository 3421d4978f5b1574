import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseRegexOptions, regexIsMatch } from './regex-is-match'

function matches(input: string, pattern: string, options = ''): boolean {
  const result = regexIsMatch(input, pattern, options)
  if (!result.ok) throw new Error(result.message)
  return result.matched
}

function failure(pattern: string, options = ''): string {
  const result = regexIsMatch('x', pattern, options)
  if (result.ok) throw new Error(`"${pattern}" was accepted`)
  return result.message
}

describe('regexIsMatch', () => {
  it.each([
    ['abc', 'b', true],
    ['abc', '^b', false],
    ['abc', 'c$', true],
    ['abc\n', 'c$', true],
    ['abc\nd', 'c$', false],
    ['abc\nd', '(?m)c$', true],
    ['abc\nd', '^d', false],
    ['abc\nd', '^d', true, 'Multiline'],
    ['a\nb', 'a.b', false],
    ['a\nb', 'a.b', true, 'Singleline'],
    ['ABC', 'abc', false],
    ['ABC', 'abc', true, 'IgnoreCase'],
    ['ABC', '(?i)abc', true],
    ['ABC', '(?i:a)BC', true],
    ['aBC', '(?i:a)bc', false],
    ['john.doe@contoso.com', '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$', true],
    ['john doe@contoso', '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$', false],
    ['SMTP:x@y', '^(?:smtp|sip):', true, 'IgnoreCase'],
    ['12345', '^\\d{5}$', true],
    ['1234', '^\\d{5}$', false],
    ['123456', '^\\d{2,4}$', false],
    ['1234', '^\\d{2,}$', true],
    ['a1', '^\\D\\d$', true],
    ['a b', '\\s', true],
    ['ab', '\\S\\S', true],
    ['a-b', '^\\w\\W\\w$', true],
    ['cat', '\\bcat\\b', true],
    ['concat', '\\bcat\\b', false],
    ['concat', '\\Bcat\\b', true],
    ['x', '[^abc]', true],
    ['b', '[^abc]', false],
    ['B', '[^abc]', false, 'IgnoreCase'],
    ['m', '[a-z-[aeiou]]', true],
    ['e', '[a-z-[aeiou]]', false],
    [']', '[]a]', true],
    ['-', '[a-]', true],
    ['\t', '\\t', true],
    ['A', '\\x41', true],
    ['A', '\\u0041', true],
    ['é', '^\\p{L}$', true],
    ['1', '^\\P{L}$', true],
    ['٣', '^\\d$', true],
    ['٣', '^\\d$', false, 'ECMAScript'],
    ['abab', '^(ab)*$', true],
    ['aba', '^(ab)*$', false],
    ['', '^$', true],
    ['', 'a*', true],
    ['x', 'a|', true],
    ['ab', 'a(?#comment)b', true],
    ['ab', 'a b # spaced', true, 'IgnorePatternWhitespace'],
    ['abc', '(?<name>b)', true],
    ['aaa', 'a+?a', true],
    ['a{1}', 'a{', true],
    ['aaa', '^(a*)*$', true],
    ['a.b', 'a\\.b', true],
    ['axb', 'a\\.b', false],
    ['end', '\\Aend\\z', true],
    ['end\n', 'end\\Z', true],
    ['end\n', 'end\\z', false],
  ])('%j against /%s/ (%s) is %s', (input, pattern, expected, options = '') => {
    expect(matches(input, pattern, options)).toBe(expected)
  })

  it.each([
    ['(a)\\1', 'Backreference'],
    ['(?<n>a)\\k<n>', 'Backreference'],
    ['a(?=b)', 'Lookahead'],
    ['a(?!b)', 'Lookahead'],
    ['(?<=a)b', 'Lookbehind'],
    ['(?<!a)b', 'Lookbehind'],
    ['(?>a+)b', 'Atomic group'],
    ['(?(a)b|c)', 'Conditional'],
    ['\\G', 'backtracking'],
    ['(a', 'not closed'],
    ['a)', 'Too many ")"'],
    ['*a', 'nothing to repeat'],
    ['a**', 'Nested quantifier'],
    ['a{3,1}', 'x > y'],
    ['[a', 'Unterminated [] set'],
    ['[z-a]', 'reverse order'],
    ['\\q', 'Unrecognized escape'],
    ['\\p{IsGreek}', 'Unicode category'],
    ['(a{1000}){1000}', 'too large'],
  ])('refuses /%s/ with a message containing %j', (pattern, fragment) => {
    expect(failure(pattern)).toContain(fragment)
  })

  it('names an unknown option', () => {
    expect(failure('a', 'IgnoreCase, Turbo')).toContain('"Turbo"')
    expect(parseRegexOptions('IgnoreCase | Multiline')).toMatchObject({ ignoreCase: true, multiline: true })
  })

  it('answers (a+)+$ on 10,000 "a" and a "b" without backtracking', { timeout: 2000 }, () => {
    const input = `${'a'.repeat(10_000)}b`

    expect(matches(input, '(a+)+$')).toBe(false)
    expect(matches(input, '^(a|aa)*$')).toBe(false)
    expect(matches(input, '(x+x+)+y')).toBe(false)
    expect(matches(`${input}`, '(.*a){12}b')).toBe(true)
  })

  it('stops with an error instead of working without bound', () => {
    const input = 'a'.repeat(1_000_000)

    expect(regexIsMatch(input, '(a|a?){500}$').ok).toBe(false)
  })

  it('agrees with JavaScript regular expressions on generated patterns of the shared subset', () => {
    const atom = fc.oneof(
      fc.constantFrom('a', 'b', 'c', '.', '[ab]', '[^a]', '[a-c]', '\\d', '\\w', '\\s', '\\b'),
      fc.constantFrom('x', '1', ' '),
    )
    const pattern: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => a + b),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(?:${a}|${b})`),
        fc
          .tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '*?'))
          .map(([a, q]) => `(?:${a})${q}`),
        tie('node').map((a) => `(${a})`),
        tie('node').map((a) => `^${a}`),
        tie('node').map((a) => `${a}$`),
      ),
    })).node
    const input = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', '1', ' ', '-'), maxLength: 12 })

    fc.assert(
      fc.property(pattern, input, (source, text) => {
        expect(matches(text, source)).toBe(new RegExp(source).test(text))
      }),
      { numRuns: 2000 },
    )
  })
})
