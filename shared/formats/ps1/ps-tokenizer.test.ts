import { describe, expect, it } from 'vitest'
import { LineMap, type PsToken, tokenizePowerShell } from './ps-tokenizer'

/** A compact view of tokens for table assertions. */
function shape(token: PsToken): string {
  switch (token.kind) {
    case 'word':
      return `word:${token.text}`
    case 'parameter':
      return `param:${token.name}${token.colon ? ':' : ''}`
    case 'string':
      return `${token.quote}:${token.value}${token.expandable ? ' (expandable)' : ''}`
    case 'number':
      return `number:${token.value}`
    case 'variable':
      return `${token.splat ? 'splat' : 'var'}:${token.name}`
    case 'newline':
      return 'NL'
    case 'punct':
      return token.text
  }
}

function shapes(text: string): string[] {
  return tokenizePowerShell(text).tokens.map(shape)
}

describe('tokenizePowerShell', () => {
  it.each([
    ["'It''s'", ["single:It's"]],
    ["''", ['single:']],
    ["'a\nb'", ['single:a\nb']],
    ["'$(Remove-Item x)'", ['single:$(Remove-Item x)']],
    ['"plain"', ['double:plain']],
    ['"say ""hi"""', ['double:say "hi"']],
    ['"tab`there `"q`""', ['double:tab\there "q"']],
    ['"a $name"', ['double:a $name (expandable)']],
    ['"$(Get-Date)"', ['double:$(Get-Date) (expandable)']],
    ['"cost: $ 5"', ['double:cost: $ 5']],
    ['\u2018smart\u2019', ['single:smart']],
    ['90', ['number:90']],
    ['-1', ['number:-1']],
    ['0x1F', ['number:31']],
    ['2.5', ['number:2.5']],
    ['90abc', ['word:90abc']],
    ['$true $false $null', ['var:true', 'var:false', 'var:null']],
    ['$syncRule[0]', ['var:syncRule', '[', 'number:0', ']']],
    ['$env:ProgramFiles', ['var:env:ProgramFiles']],
    ['${odd name}', ['var:odd name']],
    ['@params', ['splat:params']],
    ["@('a','b')", ['@(', 'single:a', ',', 'single:b', ')']],
    ['@{ a = 1 }', ['@{', 'word:a', '=', 'number:1', '}']],
    ['$(x)', ['$(', 'word:x', ')']],
    ['-Name', ['param:Name']],
    ['-Disabled:$false', ['param:Disabled:', 'var:false']],
    ['\u2013Name', ['param:Name']],
    ['-- x', ['word:--', 'word:x']],
    ["-ArgumentList 'a','','OP'", ['param:ArgumentList', 'single:a', ',', 'single:', ',', 'single:OP']],
    ['New-ADSyncRule  `\n-Name', ['word:New-ADSyncRule', 'param:Name']],
    ['Cmd `   \n-Name', ['word:Cmd', 'param:Name']],
    ['Cmd `\r\n-Name', ['word:Cmd', 'param:Name']],
    ['a # comment\nb', ['word:a', 'NL', 'word:b']],
    ['a <# block\ncomment #> b', ['word:a', 'word:b']],
    ['a\r\nb\rc', ['word:a', 'NL', 'word:b', 'NL', 'word:c']],
    ['& calc.exe', ['&', 'word:calc.exe']],
    ['. .\\x.ps1', ['.', 'word:.\\x.ps1']],
    ['$x.Method(1)', ['var:x', 'word:.Method', '(', 'number:1', ')']],
    ['a`;b', ['word:a;b']],
    ["@'\nline '' one\n'@", ["single:line '' one"]],
    ['@"\n$x `t\n"@', ['double:$x \t (expandable)']],
  ])('reads %j', (text, expected) => {
    const { tokens, diagnostics } = tokenizePowerShell(text)

    expect(tokens.map(shape)).toEqual(expected)
    expect(diagnostics).toEqual([])
  })

  it('records 1-based lines and columns across CRLF line ends', () => {
    const { tokens } = tokenizePowerShell("New-ADSyncRule  `\r\n-Name 'x' `\r\n-Precedence 90")

    const positions = tokens.map((token) => [shape(token), token.position.line, token.position.column])
    expect(positions).toEqual([
      ['word:New-ADSyncRule', 1, 1],
      ['param:Name', 2, 1],
      ['single:x', 2, 7],
      ['param:Precedence', 3, 1],
      ['number:90', 3, 13],
    ])
  })

  it('marks tokens that touch the previous one', () => {
    const { tokens } = tokenizePowerShell('$a[0] $b')

    expect(tokens.map((token) => token.spaceBefore)).toEqual([true, false, false, false, true])
  })

  it.each([
    ["-Name 'never closed\n-Precedence 1", 1, 7, "Unterminated single-quoted string: expected a closing '"],
    ['Write-Host "open', 1, 12, 'Unterminated double-quoted string: expected a closing "'],
    ['a <# never closed', 1, 3, 'Unterminated block comment: expected "#>"'],
    ["x\n@'\nbody", 2, 1, "Unterminated here-string: expected a line starting with '@"],
    ['${open', 1, 1, 'Unterminated variable name'],
  ])('reports %j as an error at its start', (text, line, column, message) => {
    const { diagnostics } = tokenizePowerShell(text)

    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ severity: 'error', position: { line, column } })
    expect(diagnostics[0]?.message).toContain(message)
  })

  it('keeps the rest of the file in an unterminated string', () => {
    expect(shapes("-Name 'open\nrest")).toEqual(['param:Name', 'single:open\nrest'])
  })

  it('treats a byte-order mark that reached the text as whitespace', () => {
    expect(shapes('\ufeffGet-ADSyncRule')).toEqual(['word:Get-ADSyncRule'])
  })
})

describe('LineMap', () => {
  it('maps offsets to lines for LF, CRLF and lone CR', () => {
    const lines = new LineMap('ab\ncd\r\nef\rgh')

    expect([0, 3, 7, 10, 11].map((offset) => lines.at(offset))).toEqual([
      { offset: 0, line: 1, column: 1 },
      { offset: 3, line: 2, column: 1 },
      { offset: 7, line: 3, column: 1 },
      { offset: 10, line: 4, column: 1 },
      { offset: 11, line: 4, column: 2 },
    ])
  })
})
