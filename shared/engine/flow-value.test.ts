import { describe, expect, it } from 'vitest'
import { attributeBag } from './attribute-bag'
import { outcomeText } from '../model/flow-outcome'
import { evalContext, evaluateFlow, fromEvalOutcome, toExprValue, toTexts } from './flow-value'
import { attributes, flow } from './testing/scenario'

const source = attributeBag(
  attributes(
    {
      mail: 'ada@contoso.com',
      proxyAddresses: ['SMTP:ada@contoso.com', 'smtp:a@contoso.com'],
      userAccountControl: '512',
      isCriticalSystemObject: 'TRUE',
      objectGUID: 'AQID',
      manager: 'CN=Boss,DC=contoso,DC=com',
    },
    {
      userAccountControl: 'Integer',
      isCriticalSystemObject: 'Boolean',
      objectGUID: 'Binary',
      manager: 'Reference',
    },
  ),
  'CN=Ada,DC=contoso,DC=com',
)

describe('evaluateFlow without expressions', () => {
  const inputs = { source, parameter: () => undefined }

  it.each([
    [
      'Direct copies the source values',
      flow.direct('mail', 'mail'),
      { kind: 'value', values: ['ada@contoso.com'] },
    ],
    [
      'Direct keeps every value of a multi-valued source',
      flow.direct('proxyAddresses', 'proxyAddresses'),
      { kind: 'value', values: ['SMTP:ada@contoso.com', 'smtp:a@contoso.com'] },
    ],
    ['Direct of an absent source is NULL', flow.direct('sn', 'sn'), { kind: 'null' }],
    [
      'Constant yields its value',
      flow.constant('accountEnabled', 'True'),
      { kind: 'value', values: ['True'] },
    ],
  ] as const)('%s', (_name, mapping, expected) => {
    expect(evaluateFlow(mapping, inputs).outcome).toEqual(expected)
  })
})

describe('evalContext', () => {
  it('converts attribute text to expression values by type', () => {
    const context = evalContext({ source, parameter: () => undefined })

    expect(context.attribute('mail')).toBe('ada@contoso.com')
    expect(context.attribute('userAccountControl')).toBe(512)
    expect(context.attribute('isCriticalSystemObject')).toBe(true)
    expect(context.attribute('objectGUID')).toEqual(new Uint8Array([1, 2, 3]))
    expect(context.attribute('manager')).toEqual({ kind: 'reference', dn: 'CN=Boss,DC=contoso,DC=com' })
    expect(context.attribute('proxyAddresses')).toEqual(['SMTP:ada@contoso.com', 'smtp:a@contoso.com'])
    expect(context.attribute('sn')).toBeUndefined()
    expect(context.attribute('dn')).toEqual({ kind: 'reference', dn: 'CN=Ada,DC=contoso,DC=com' })
  })

  it('reads ImportedValue from the confirmed object when one is given', () => {
    const imported = attributeBag(attributes({ mail: 'old@contoso.com' }), null)

    const context = evalContext({ source, imported, parameter: () => undefined })

    expect(context.importedValue?.('mail')).toBe('old@contoso.com')
  })

  it('passes parameters through', () => {
    const context = evalContext({
      source,
      parameter: (name) => (name === 'Domain.FQDN' ? 'contoso.com' : undefined),
    })

    expect(context.parameter('Domain.FQDN')).toBe('contoso.com')
  })
})

describe('toExprValue', () => {
  it('is undefined for an attribute without values', () => {
    expect(toExprValue({ name: 'x', type: 'String', multiValued: true, values: [] })).toBeUndefined()
  })

  it('keeps a text that is not a number as text for an Integer attribute', () => {
    expect(toExprValue({ name: 'x', type: 'Integer', multiValued: false, values: ['n/a'] })).toBe('n/a')
  })
})

describe('fromEvalOutcome and toTexts', () => {
  it('renders values as the model keeps them', () => {
    expect(toTexts([1, true, new Uint8Array([255]), { kind: 'reference', dn: 'CN=x' }, 'a'])).toEqual([
      '1',
      'true',
      '/w==',
      'CN=x',
      'a',
    ])
    expect(toTexts(new Date(Date.UTC(2016, 4, 3)))).toEqual(['2016-05-03T00:00:00.000Z'])
  })

  it('treats an empty string result as no value', () => {
    expect(fromEvalOutcome({ kind: 'value', value: '' })).toEqual({ kind: 'null' })
    expect(fromEvalOutcome({ kind: 'value', value: ['', 'a'] })).toEqual({ kind: 'value', values: ['a'] })
  })

  it('keeps special outcomes', () => {
    expect(fromEvalOutcome({ kind: 'ignoreThisFlow' })).toEqual({ kind: 'ignoreThisFlow' })
    expect(outcomeText({ kind: 'error', message: 'boom', position: 0, raised: true }, 'sentence')).toBe(
      'error: boom',
    )
  })
})
