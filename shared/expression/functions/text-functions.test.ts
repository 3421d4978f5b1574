import { describe, expect, it } from 'vitest'
import { valueOf } from '../testing/eval-helpers'

describe('text functions', () => {
  it.each([
    ['InStr("The quick brown fox","quick")', 5],
    ['InStr("repEated","e",3,vbBinaryCompare)', 7],
    ['InStr("repEated","e",3,vbTextCompare)', 4],
    ['InStr("abc","z")', 0],
    ['InStr("abc","")', 1],
    ['InStr("abc","c",4)', 0],
    ['InStrRev("abbcdbbbef","bb")', 7],
    ['InStrRev("abbcdbbbef","bb",6)', 2],
    ['InStrRev("aXbx","x",-1,vbTextCompare)', 4],
    ['InStrRev("abc","z")', 0],
    ['LCase("TeSt")', 'test'],
    ['UCase("TeSt")', 'TEST'],
    ['Left("John Doe", 3)', 'Joh'],
    ['Left("John Doe", 0)', ''],
    ['Left("John Doe", -1)', 'John Doe'],
    ['Left("John", 10)', 'John'],
    ['Left(NULL, 3)', ''],
    ['Right("John Doe", 3)', 'Doe'],
    ['Right("John Doe", 0)', ''],
    ['Right("John Doe", -2)', 'John Doe'],
    ['Right(NULL, 3)', ''],
    ['Len("John Doe")', 8],
    ['LTrim(" Test ")', 'Test '],
    ['RTrim(" Test ")', ' Test'],
    ['Trim(" Test ")', 'Test'],
    ['Mid("John Doe", 3, 5)', 'hn Do'],
    ['Mid("John Doe", 6, 999)', 'Doe'],
    ['Mid("John Doe", 3, 0)', ''],
    ['Mid("John Doe", 3, -1)', 'John Doe'],
    ['Mid("John Doe", 9, 2)', 'John Doe'],
    ['Mid("John Doe", 0, 2)', 'John Doe'],
    ['Mid(NULL, 1, 2)', ''],
    ['Mid("smtp:joe@contoso.com", 6)', 'joe@contoso.com'],
    ['PadLeft("User", 10, "0")', '000000User'],
    ['PadRight("User", 10, "0")', 'User000000'],
    ['PadLeft("User", 2, "0")', 'User'],
    ['PadLeft(NULL, 5, "0")', ''],
    ['PCase("TEsT")', 'Test'],
    ['PCase(LCase("TEST"))', 'Test'],
    ['PCase("john SMITH doe")', 'John SMITH Doe'],
    ['Replace("a-b-c","-","")', 'abc'],
    ['Replace("One\\r\\nTwo","\\r\\n",", ")', 'One, Two'],
    ['ReplaceChars("Räksmörgås", "å:a,ä:a,ö:o")', 'Raksmorgas'],
    ['ReplaceChars("O’Neil", "’:, Å:A")', 'ONeil'],
    ['ReplaceChars("straße", "ß:ss")', 'strasse'],
    ['Word("The quick brown fox",3," ")', 'brown'],
    ['Word("This,string!has&many separators",3,",!&#")', 'has'],
    ['Word("a b",5," ")', ''],
    ['Word("a b",0," ")', ''],
    ['Word(NULL,1," ")', ''],
    ['Word("User_1234",1,"_")', 'User'],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression)).toEqual(expected)
  })

  it('Guid() returns a version-4 GUID built from the context random source', () => {
    const value = valueOf('Guid()')

    expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it.each([
    ['InStr("abc","a",0)', 'InStr start must be 1 or more'],
    ['InStr("abc","a",1,"sideways")', 'vbTextCompare or vbBinaryCompare'],
    ['Replace("abc","","x")', 'non-empty'],
    ['ReplaceChars("abc","ab:x")', 'exactly one character'],
    ['ReplaceChars("abc","a")', 'has no ":"'],
    ['PadLeft("a", 3, "")', 'pad character'],
    ['PadLeft("a", 2000000, "0")', 'longer than 1 MiB'],
  ])('%s is an error mentioning %j', (expression, fragment) => {
    expect(valueOf(expression)).toContain(fragment)
  })

  it('text functions on NULL return NULL except those documented to return an empty string', () => {
    expect(valueOf('Trim([missing])')).toBe('null')
    expect(valueOf('UCase([missing])')).toBe('null')
    expect(valueOf('InStr([missing],"a")')).toBe('null')
    expect(valueOf('Left([missing],2)')).toBe('')
  })

  it('Replace reads the \\n, \\r and \\t monikers in texts that do not come from a literal', () => {
    const value = valueOf('Replace([address], %lineBreak%, ", ")', {
      attributes: { address: 'One Microsoft Way\nRedmond' },
      parameters: { lineBreak: '\\n' },
    })

    expect(value).toBe('One Microsoft Way, Redmond')
  })

  it('Left, Mid and Len work on the bytes of binary values', () => {
    const key = new Uint8Array([0, 1, 2, 3, 4, 5])

    expect(valueOf('Len([key])', { attributes: { key } })).toBe(6)
    expect(valueOf('Left([key],2)', { attributes: { key } })).toEqual(new Uint8Array([0, 1]))
    expect(valueOf('Mid([key],3,2)', { attributes: { key } })).toEqual(new Uint8Array([2, 3]))
  })
})
