import { describe, expect, it } from 'vitest'
import { FUNCTION_NAMES, FUNCTION_SPECS, unknownFunctionMessage } from './function-registry'
import { FUNCTION_IMPLEMENTATIONS } from './functions/implementations'

describe('function registry', () => {
  it('holds the 94 functions of the engine registry', () => {
    expect(FUNCTION_NAMES).toHaveLength(94)
  })

  it('has an implementation for every eager function and nothing else', () => {
    const eager = FUNCTION_NAMES.filter((name) => FUNCTION_SPECS.get(name)?.mode !== 'lazy')

    expect([...FUNCTION_IMPLEMENTATIONS.keys()].sort()).toEqual(eager)
  })

  it('lists every function of the public reference', () => {
    const documented = [
      'CertExtensionOids',
      'CertFormat',
      'CertFriendlyName',
      'CertHashString',
      'CertIssuer',
      'CertIssuerDN',
      'CertIssuerOid',
      'CertKeyAlgorithm',
      'CertKeyAlgorithmParams',
      'CertNameInfo',
      'CertNotAfter',
      'CertNotBefore',
      'CertPublicKeyOid',
      'CertPublicKeyParametersOid',
      'CertSerialNumber',
      'CertSignatureAlgorithmOid',
      'CertSubject',
      'CertSubjectNameDN',
      'CertSubjectNameOid',
      'CertThumbprint',
      'CertVersion',
      'IsCert',
      'CBool',
      'CDate',
      'CGuid',
      'ConvertFromBase64',
      'ConvertToBase64',
      'ConvertFromUTF8Hex',
      'ConvertToUTF8Hex',
      'CNum',
      'CRef',
      'CStr',
      'StringFromGuid',
      'StringFromSid',
      'DateAdd',
      'DateFromNum',
      'FormatDateTime',
      'Now',
      'NumFromDate',
      'DNComponent',
      'DNComponentRev',
      'EscapeDNComponent',
      'IsBitSet',
      'IsDate',
      'IsEmpty',
      'IsGuid',
      'IsNull',
      'IsNullOrEmpty',
      'IsNumeric',
      'IsPresent',
      'IsString',
      'BitAnd',
      'BitOr',
      'RandomNum',
      'Contains',
      'Count',
      'Item',
      'ItemOrNull',
      'Join',
      'RemoveDuplicates',
      'Split',
      'Error',
      'IIF',
      'Select',
      'Switch',
      'Where',
      'With',
      'Guid',
      'InStr',
      'InStrRev',
      'LCase',
      'Left',
      'Len',
      'LTrim',
      'Mid',
      'PadLeft',
      'PadRight',
      'PCase',
      'Replace',
      'ReplaceChars',
      'Right',
      'RTrim',
      'Trim',
      'UCase',
      'Word',
    ]

    expect(documented.filter((name) => !FUNCTION_SPECS.has(name))).toEqual([])
  })

  it('explains names from other expression languages', () => {
    expect(unknownFunctionMessage('ToUpper')).toContain('use UCase')
    expect(unknownFunctionMessage('iif')).toContain('did you mean IIF?')
  })
})
