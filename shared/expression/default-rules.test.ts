import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTOSO_SERVERCONFIG, SAMPLES_SKIP_REASON, samplesAvailable } from '../../test-support/samples'
import { sha256 } from './crypto/hashes'
import { parseExpression } from './parse-expression'
import { outcomeOf, valueOf } from './testing/eval-helpers'

const PARAMETERS = {
  'Domain.FQDN': 'contoso.com',
  'Domain.Netbios': 'CONTOSO',
  'Forest.FQDN': 'contoso.com',
  'Forest.Netbios': 'CONTOSO',
  'Connector.ID': 'b891884f-051e-4a83-95af-2544101c9083',
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)))
    const named = new Map([
      ['lt', '<'],
      ['gt', '>'],
      ['quot', '"'],
      ['apos', "'"],
      ['amp', '&'],
    ])
    return named.get(entity.toLowerCase()) ?? ''
  })
}

function sampleExpressions(): readonly { readonly file: string; readonly text: string }[] {
  const folder = path.join(CONTOSO_SERVERCONFIG, 'SynchronizationRules')
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .flatMap((file) => {
      const xml = fs.readFileSync(path.join(folder, file), 'utf8')
      return [...xml.matchAll(/<expression[^>]*>([\s\S]*?)<\/expression>/g)].map((match) => ({
        file,
        text: unescapeXml(match[1] ?? ''),
      }))
    })
}

describe.skipIf(!samplesAvailable)(`the 62 real default rules (${SAMPLES_SKIP_REASON})`, () => {
  it('parses every expression without an error', () => {
    const expressions = sampleExpressions()
    const failures = expressions.flatMap(({ file, text }) => {
      const result = parseExpression(text)
      return result.ok ? [] : [`${file}: ${result.error.message} at ${result.error.position} in ${text}`]
    })

    expect(fs.readdirSync(path.join(CONTOSO_SERVERCONFIG, 'SynchronizationRules'))).toHaveLength(62)
    expect(expressions.length).toBeGreaterThan(380)
    expect(failures).toEqual([])
  })

  it('evaluates every expression on an object without attributes with no type error', () => {
    const problems = sampleExpressions().flatMap(({ text }) => {
      const outcome = outcomeOf(text, { parameters: PARAMETERS })
      return outcome.kind === 'error' && !outcome.raised ? [`${text}: ${outcome.message}`] : []
    })

    expect(problems).toEqual([])
  })
})

const UPN =
  'IIF(IsPresent([userPrincipalName]),[userPrincipalName], IIF(IsPresent([sAMAccountName]),([sAMAccountName]&"@"&%Domain.FQDN%),Error("AccountName is not present")))'
const SOURCE_ANCHOR =
  'IIF(IsPresent([msExchRecipientTypeDetails]),IIF([msExchRecipientTypeDetails]=2,NULL,IIF(IsString([objectGUID]),CStr([objectGUID]),ConvertToBase64([objectGUID]))),IIF(IsString([objectGUID]),CStr([objectGUID]),ConvertToBase64([objectGUID])))'
const CLOUD_FILTERED_USER =
  'IIF(IsPresent([isCriticalSystemObject]) || IsPresent([sAMAccountName]) = False || [sAMAccountName] = "SUPPORT_388945a0" || Left([mailNickname], 14) = "SystemMailbox{" || Left([sAMAccountName], 4) = "AAD_" || (Left([mailNickname], 4) = "CAS_" && (InStr([mailNickname], "}") > 0)) || (Left([sAMAccountName], 4) = "CAS_" && (InStr([sAMAccountName], "}") > 0)) || Left([sAMAccountName], 5) = "MSOL_" || CBool(IIF(IsPresent([msExchRecipientTypeDetails]),BitAnd([msExchRecipientTypeDetails],&H21C07000) > 0,NULL)) || CBool(InStr(DNComponent(CRef([dn]),1),"\\\\0ACNF:")>0), True, NULL)'
const PWD_LAST_SET =
  'IIF(IsPresent([pwdLastSet]),CStr(FormatDateTime(DateFromNum([pwdLastSet]),"yyyyMMddHHmmss.0Z")),NULL)'
const OUTBOUND_SOURCE_ANCHOR =
  'IIF(IsPresent([cloudSourceAnchor]), IIF(Word([cloudAnchor],1,"_")=[sourceObjectType],IIF([cloudSourceAnchor] = [sourceAnchor],[sourceAnchor],Error("SourceAnchor attribute has changed.")),[sourceAnchor]),[sourceAnchor])'
const MAIL_ENABLED =
  'IIF(( (IsPresent([proxyAddresses]) = True) && (Contains([proxyAddresses], "SMTP:") > 0) && (InStr(Item([proxyAddresses], Contains([proxyAddresses], "SMTP:")), "@") > 0)) ||  (IsPresent([mail]) = True && (InStr([mail], "@") > 0)), True, False)'
const NGC_KEY =
  'IIF(IsNull([searchableDeviceKey]), NULL, IIF(CNum(Mid([searchableDeviceKey],1,1))=0, Mid([searchableDeviceKey],1,7+CNum(Mid([searchableDeviceKey],5,2))) & CBin(Len(Thumbprint(Mid([searchableDeviceKey],8+CNum(Mid([searchableDeviceKey],5,2)),Len([searchableDeviceKey])))),2) & CBin(2,1) & Thumbprint(Mid([searchableDeviceKey],8+CNum(Mid([searchableDeviceKey],5,2)),Len([searchableDeviceKey]))) & Mid([searchableDeviceKey],8+CNum(Mid([searchableDeviceKey],5,2)),Len([searchableDeviceKey])), NULL))'

const objectGUID = new Uint8Array([
  0x85, 0xc1, 0x1b, 0x6f, 0xf9, 0x65, 0x75, 0x41, 0xa3, 0x1e, 0x70, 0xfc, 0x97, 0x5f, 0x46, 0x4a,
])
const userDn = { kind: 'reference' as const, dn: 'CN=Joe Doe,OU=Users,DC=contoso,DC=com' }

describe('key default expressions (the 2016 default rule set) on realistic values', () => {
  it.each([
    [
      { userPrincipalName: 'joe@contoso.com', sAMAccountName: 'joe' },
      { kind: 'value', value: 'joe@contoso.com' },
    ],
    [{ sAMAccountName: 'joe' }, { kind: 'value', value: 'joe@contoso.com' }],
    [
      {},
      { kind: 'error', message: 'AccountName is not present', position: UPN.indexOf('Error('), raised: true },
    ],
  ])('userPrincipalName falls back to sAMAccountName and the domain: %j gives %j', (attributes, expected) => {
    expect(outcomeOf(UPN, { attributes, parameters: PARAMETERS })).toEqual(expected)
  })

  it('sourceAnchor is the base64 of the binary objectGUID, and NULL for a linked mailbox', () => {
    expect(valueOf(SOURCE_ANCHOR, { attributes: { objectGUID } })).toBe('hcEbb/lldUGjHnD8l19GSg==')
    expect(valueOf(SOURCE_ANCHOR, { attributes: { objectGUID, msExchRecipientTypeDetails: 1 } })).toBe(
      'hcEbb/lldUGjHnD8l19GSg==',
    )
    expect(valueOf(SOURCE_ANCHOR, { attributes: { objectGUID, msExchRecipientTypeDetails: 2 } })).toBe('null')
    expect(valueOf(SOURCE_ANCHOR, { attributes: { objectGUID: 'already-a-string' } })).toBe(
      'already-a-string',
    )
  })

  it.each([
    ['an ordinary user', { sAMAccountName: 'joe', mailNickname: 'joe', dn: userDn }, 'null'],
    [
      'a critical system object',
      { sAMAccountName: 'krbtgt', isCriticalSystemObject: true, dn: userDn },
      true,
    ],
    ['no sAMAccountName', { dn: userDn }, true],
    ['the SUPPORT account', { sAMAccountName: 'SUPPORT_388945a0', dn: userDn }, true],
    [
      'a system mailbox',
      { sAMAccountName: 'SM_1', mailNickname: 'SystemMailbox{1f05a927}', dn: userDn },
      true,
    ],
    ['the sync service account', { sAMAccountName: 'MSOL_0123456789ab', dn: userDn }, true],
    ['a CAS mailbox', { sAMAccountName: 'x', mailNickname: 'CAS_{abc}', dn: userDn }, true],
    [
      'a room with an ordinary recipient type',
      { sAMAccountName: 'r', msExchRecipientTypeDetails: 16, dn: userDn },
      'null',
    ],
    ['a discovery mailbox', { sAMAccountName: 'd', msExchRecipientTypeDetails: 536870912, dn: userDn }, true],
    [
      'a replication conflict',
      {
        sAMAccountName: 'joe',
        dn: {
          kind: 'reference' as const,
          dn: 'CN=Joe\\0ACNF:9d1b3c1e-5a6f-4d7e-8f90-a1b2c3d4e5f6,OU=Users,DC=contoso,DC=com',
        },
      },
      true,
    ],
  ])('cloudFiltered of %s is %j', (_name, attributes, expected) => {
    expect(valueOf(CLOUD_FILTERED_USER, { attributes })).toBe(expected)
  })

  it('pwdLastSet is formatted as generalized time, NULL when absent', () => {
    expect(valueOf(PWD_LAST_SET, { attributes: { pwdLastSet: 130543784930000000 } })).toBe(
      '20140905081453.0Z',
    )
    expect(valueOf(PWD_LAST_SET)).toBe('null')
  })

  it('displayName falls back to cn', () => {
    const expression = 'IIF(IsNullOrEmpty([displayName]),[cn],[displayName])'

    expect(valueOf(expression, { attributes: { cn: 'Joe', displayName: 'Joe Doe' } })).toBe('Joe Doe')
    expect(valueOf(expression, { attributes: { cn: 'Joe', displayName: '' } })).toBe('Joe')
    expect(valueOf(expression, { attributes: { cn: 'Joe' } })).toBe('Joe')
  })

  it('accountEnabled reads the ACCOUNTDISABLE bit of userAccountControl', () => {
    const expression = 'IIF(BitAnd([userAccountControl],2)=0,True,False)'

    expect(valueOf(expression, { attributes: { userAccountControl: 512 } })).toBe(true)
    expect(valueOf(expression, { attributes: { userAccountControl: 514 } })).toBe(false)
    expect(valueOf(expression, { attributes: { userAccountControl: '66048' } })).toBe(true)
  })

  it('description keeps the trimmed first value cut to 448 characters', () => {
    const expression = 'IIF(IsNullOrEmpty([description]),NULL,Left(Trim(Item([description],1)),448))'
    const long = ` ${'d'.repeat(500)} `

    expect(valueOf(expression, { attributes: { description: ['  Sales lead  ', 'second'] } })).toBe(
      'Sales lead',
    )
    expect(valueOf(expression, { attributes: { description: [long] } })).toBe('d'.repeat(448))
    expect(valueOf(expression)).toBe('null')
  })

  it('the AAD connector DN is the UTF-8 hex of the sourceAnchor in braces', () => {
    const expression = '"CN={" & ConvertToUTF8Hex([sourceAnchor]) & "}"'

    expect(valueOf(expression, { attributes: { sourceAnchor: 'hcEbb/lldUGjHnD8l19GSg==' } })).toBe(
      'CN={68634562622F6C6C6455476A486E44386C31394753673D3D}',
    )
  })

  it('usageLocation is ignored when empty', () => {
    const expression = 'IIF(IsNullOrEmpty([usageLocation]),IgnoreThisFlow,[usageLocation])'

    expect(outcomeOf(expression)).toEqual({ kind: 'ignoreThisFlow' })
    expect(valueOf(expression, { attributes: { usageLocation: 'US' } })).toBe('US')
  })

  it('a group over 50,000 members raises the member-count error; smaller groups do not flow member here', () => {
    const expression =
      'IIF(([memberCount]> 50000),Error("Maximum Group member count exceeded"),IgnoreThisFlow)'

    expect(outcomeOf(expression, { attributes: { memberCount: 50001 } })).toMatchObject({
      kind: 'error',
      message: 'Maximum Group member count exceeded',
      raised: true,
    })
    expect(outcomeOf(expression, { attributes: { memberCount: 12 } })).toEqual({ kind: 'ignoreThisFlow' })
    expect(valueOf('ValueCount("member")', { attributes: { member: ['CN=a', 'CN=b'] } })).toBe(2)
  })

  it('the outbound sourceAnchor refuses a changed anchor', () => {
    const same = {
      cloudSourceAnchor: 'abc',
      sourceAnchor: 'abc',
      cloudAnchor: 'User_123',
      sourceObjectType: 'User',
    }

    expect(valueOf(OUTBOUND_SOURCE_ANCHOR, { attributes: same })).toBe('abc')
    expect(outcomeOf(OUTBOUND_SOURCE_ANCHOR, { attributes: { ...same, sourceAnchor: 'xyz' } })).toMatchObject(
      {
        message: 'SourceAnchor attribute has changed.',
        raised: true,
      },
    )
    expect(valueOf(OUTBOUND_SOURCE_ANCHOR, { attributes: { sourceAnchor: 'xyz' } })).toBe('xyz')
  })

  it('securityEnabled reads the sign bit of groupType', () => {
    expect(
      valueOf('CBool(BitAnd([groupType],-2147483648))', { attributes: { groupType: -2147483646 } }),
    ).toBe(true)
    expect(valueOf('CBool(BitAnd([groupType],-2147483648))', { attributes: { groupType: 8 } })).toBe(false)
  })

  it('mail-enabled detection finds the primary SMTP address or a mail value', () => {
    expect(valueOf(MAIL_ENABLED, { attributes: { proxyAddresses: ['smtp:a@x.com', 'SMTP:b@x.com'] } })).toBe(
      true,
    )
    expect(valueOf(MAIL_ENABLED, { attributes: { proxyAddresses: ['X500:/o=x'], mail: 'a@x.com' } })).toBe(
      true,
    )
    expect(valueOf(MAIL_ENABLED, { attributes: { proxyAddresses: ['X500:/o=x'] } })).toBe(false)
    expect(valueOf(MAIL_ENABLED)).toBe(false)
  })

  it('the device-key rule rebuilds a key credential with a SHA-256 key hash entry', () => {
    const header = new Uint8Array([0, 9, 9, 9, 3, 0, 7, 0xaa, 0xbb, 0xcc])
    const material = new Uint8Array([0x52, 0x53, 0x41, 0x31, 1, 2, 3, 4])
    const searchableDeviceKey = new Uint8Array([...header, ...material])

    const value = valueOf(NGC_KEY, { attributes: { searchableDeviceKey } })

    expect(value).toEqual(new Uint8Array([...header, 32, 0, 2, ...sha256(material), ...material]))
    expect(valueOf(NGC_KEY)).toBe('null')
  })

  it('an object without a userCertificate is flagged, one with certificates is not', () => {
    const expression = 'IIF(IsNullOrEmpty([userCertificate]),True,NULL)'

    expect(valueOf(expression)).toBe(true)
    expect(valueOf(expression, { attributes: { userCertificate: [new Uint8Array([1])] } })).toBe('null')
  })
})
