/**
 * The functions of the Connect Sync expression language: names, accepted argument counts and how each
 * one treats multi-values and NULL. Names and arities follow the engine's own registry (docs/ENGINE.md).
 */

/**
 * How a function meets multi-valued arguments.
 * - `perValue`: applied to every value; a NULL result drops that value.
 * - `whole`: receives the whole multi-value (Count, Item, Join, ...).
 * - `lazy`: evaluates its own arguments (IIF, Switch, Where, Select, With).
 */
export type EvaluationMode = 'perValue' | 'whole' | 'lazy'

/** The function groups of the functions reference. */
export type FunctionCategory =
  | 'Certificate'
  | 'Conversion'
  | 'Date / Time'
  | 'Directory'
  | 'Evaluation'
  | 'Math'
  | 'Multi-valued'
  | 'Program flow'
  | 'Text'
  | 'Engine only'

/** What the parser and evaluator know about one function. */
export interface FunctionSpec {
  readonly name: string
  readonly category: FunctionCategory
  readonly minArgs: number
  /** `Infinity` for an open-ended list. */
  readonly maxArgs: number
  readonly mode: EvaluationMode
  /** A per-value function that receives NULL arguments instead of returning NULL for them. */
  readonly acceptsNull: boolean
  /** Arguments come in condition/value pairs (Switch). */
  readonly pairs: boolean
  /** The first argument declares a `$variable` visible in the third (Where, Select, With). */
  readonly bindsVariable: boolean
}

interface SpecOptions {
  readonly mode?: EvaluationMode
  readonly acceptsNull?: boolean
  readonly pairs?: boolean
  readonly bindsVariable?: boolean
}

function spec(
  name: string,
  category: FunctionCategory,
  minArgs: number,
  maxArgs: number,
  options: SpecOptions = {},
): FunctionSpec {
  return {
    name,
    category,
    minArgs,
    maxArgs,
    mode: options.mode ?? 'perValue',
    acceptsNull: options.acceptsNull ?? false,
    pairs: options.pairs ?? false,
    bindsVariable: options.bindsVariable ?? false,
  }
}

const WHOLE: SpecOptions = { mode: 'whole' }
const NULLABLE: SpecOptions = { acceptsNull: true }
const LAZY: SpecOptions = { mode: 'lazy' }
const BINDS: SpecOptions = { mode: 'lazy', bindsVariable: true }

const CERTIFICATE_ONE_ARG = [
  'CertFormat',
  'CertFriendlyName',
  'CertHashString',
  'CertIssuer',
  'CertIssuerDN',
  'CertIssuerOid',
  'CertKeyAlgorithm',
  'CertKeyAlgorithmParams',
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
] as const

const SPECS: readonly FunctionSpec[] = [
  ...CERTIFICATE_ONE_ARG.map((name) => spec(name, 'Certificate', 1, 1)),
  spec('CertExtensionOids', 'Certificate', 1, 2),
  spec('CertNameInfo', 'Certificate', 3, 3),
  spec('IsCert', 'Certificate', 1, 1, NULLABLE),

  spec('CBool', 'Conversion', 1, 1),
  spec('CDate', 'Conversion', 1, 1),
  spec('CGuid', 'Conversion', 1, 1),
  spec('ConvertFromBase64', 'Conversion', 1, 2),
  spec('ConvertToBase64', 'Conversion', 1, 1),
  spec('ConvertFromUTF8Hex', 'Conversion', 1, 1),
  spec('ConvertToUTF8Hex', 'Conversion', 1, 1),
  spec('CNum', 'Conversion', 1, 1),
  spec('CRef', 'Conversion', 1, 1),
  spec('CStr', 'Conversion', 1, 1),
  spec('StringFromGuid', 'Conversion', 1, 1),
  spec('StringFromSid', 'Conversion', 1, 1),

  spec('DateAdd', 'Date / Time', 3, 3),
  spec('DateFromNum', 'Date / Time', 1, 1),
  spec('FormatDateTime', 'Date / Time', 2, 2),
  spec('Now', 'Date / Time', 0, 0),
  spec('NumFromDate', 'Date / Time', 1, 1),

  spec('DNComponent', 'Directory', 2, 2),
  spec('DNComponentRev', 'Directory', 2, 3),
  spec('EscapeDNComponent', 'Directory', 1, 1),

  spec('IsBitSet', 'Evaluation', 2, 2),
  spec('IsDate', 'Evaluation', 1, 1, WHOLE),
  spec('IsEmpty', 'Evaluation', 1, 1, WHOLE),
  spec('IsGuid', 'Evaluation', 1, 1, WHOLE),
  spec('IsNull', 'Evaluation', 1, 1, WHOLE),
  spec('IsNullOrEmpty', 'Evaluation', 1, 1, WHOLE),
  spec('IsNumeric', 'Evaluation', 1, 1, WHOLE),
  spec('IsPresent', 'Evaluation', 1, 1, WHOLE),
  spec('IsString', 'Evaluation', 1, 1, WHOLE),

  spec('BitAnd', 'Math', 2, 2),
  spec('BitOr', 'Math', 2, 2),
  spec('RandomNum', 'Math', 2, 2),

  spec('Contains', 'Multi-valued', 2, 3, WHOLE),
  spec('Count', 'Multi-valued', 1, 1, WHOLE),
  spec('Item', 'Multi-valued', 2, 2, WHOLE),
  spec('ItemOrNull', 'Multi-valued', 2, 2, WHOLE),
  spec('Join', 'Multi-valued', 1, 2, WHOLE),
  spec('RemoveDuplicates', 'Multi-valued', 1, 1, WHOLE),
  spec('Split', 'Multi-valued', 2, 3, WHOLE),

  spec('Error', 'Program flow', 1, 1, WHOLE),
  spec('IIF', 'Program flow', 3, 3, LAZY),
  spec('Select', 'Program flow', 3, 3, BINDS),
  spec('Switch', 'Program flow', 2, Infinity, { mode: 'lazy', pairs: true }),
  spec('Where', 'Program flow', 3, 3, BINDS),
  spec('With', 'Program flow', 3, 3, BINDS),

  spec('Guid', 'Text', 0, 0),
  spec('InStr', 'Text', 2, 4),
  spec('InStrRev', 'Text', 2, 4),
  spec('LCase', 'Text', 1, 1),
  spec('Left', 'Text', 2, 2, NULLABLE),
  spec('Len', 'Text', 1, 1),
  spec('LTrim', 'Text', 1, 1),
  // The reference shows Mid with three arguments but uses it with two (Item example): the count is optional.
  spec('Mid', 'Text', 2, 3, NULLABLE),
  spec('PadLeft', 'Text', 3, 3, NULLABLE),
  spec('PadRight', 'Text', 3, 3, NULLABLE),
  spec('PCase', 'Text', 1, 1),
  spec('Replace', 'Text', 3, 3),
  spec('ReplaceChars', 'Text', 2, 2),
  spec('Right', 'Text', 2, 2, NULLABLE),
  spec('RTrim', 'Text', 1, 1),
  spec('Trim', 'Text', 1, 1),
  spec('UCase', 'Text', 1, 1),
  spec('Word', 'Text', 3, 3, NULLABLE),

  spec('ImportedValue', 'Engine only', 1, 1, WHOLE),
  spec('ValueCount', 'Engine only', 1, 1, WHOLE),
  spec('Thumbprint', 'Engine only', 1, 1),
  spec('CBin', 'Engine only', 1, 2),
  spec('Concat', 'Engine only', 2, 2, WHOLE),
  spec('ConvertToBinaryFromBase64', 'Engine only', 1, 1),
  spec('SidFromString', 'Engine only', 1, 1),
  spec('RegexIsMatch', 'Engine only', 2, 3, NULLABLE),
  spec('RandomStr', 'Engine only', 1, 1),
]

/** Every function by its exact (case-sensitive) name. */
export const FUNCTION_SPECS: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((s) => [s.name, s]))

/** The names of every function of the language, sorted. */
export const FUNCTION_NAMES: readonly string[] = [...FUNCTION_SPECS.keys()].sort()

/**
 * Functions of the Entra Cloud Sync / provisioning expression language that Connect Sync does not have,
 * with what to write instead.
 */
const CLOUD_SYNC_ONLY: ReadonlyMap<string, string> = new Map([
  ['Append', 'concatenate with &'],
  ['AppRoleAssignmentsComplex', 'there is no equivalent'],
  ['Coalesce', 'use IIF(IsPresent([a]), [a], [b])'],
  ['DateDiff', 'there is no equivalent; compare NumFromDate() values'],
  ['IgnoreFlowIfNullOrEmpty', 'use IIF(IsNullOrEmpty([a]), IgnoreThisFlow, [a])'],
  ['NormalizeDiacritics', 'use ReplaceChars'],
  ['Not', 'compare with = False'],
  ['RandomString', 'use RandomStr'],
  ['Redact', 'there is no equivalent'],
  ['RegexReplace', 'there is no regex replacement; RegexIsMatch tests a pattern'],
  ['SelectUniqueValue', 'there is no equivalent'],
  ['SingleAppRoleAssignment', 'there is no equivalent'],
  ['StripSpaces', 'use Replace([a], " ", "")'],
  ['ToLower', 'use LCase'],
  ['ToUpper', 'use UCase'],
])

/** Explains why a name is not a function of this language; the message names it. */
export function unknownFunctionMessage(name: string): string {
  const cloud = CLOUD_SYNC_ONLY.get(name)
  if (cloud !== undefined) {
    return (
      `Unknown function "${name}": it belongs to the Entra Cloud Sync / provisioning expression language, ` +
      `not to Connect Sync (${cloud}).`
    )
  }
  const lower = name.toLowerCase()
  const sameLetters = FUNCTION_NAMES.find((candidate) => candidate.toLowerCase() === lower)
  if (sameLetters !== undefined) {
    return `Unknown function "${name}": function names are case-sensitive, did you mean ${sameLetters}?`
  }
  return `Unknown function "${name}".`
}

/** The accepted argument counts in words ("2", "2 to 4", "at least 2"). */
export function arityText(spec: FunctionSpec): string {
  if (spec.maxArgs === Infinity) return `at least ${spec.minArgs}`
  if (spec.minArgs === spec.maxArgs) return `${spec.minArgs}`
  return `${spec.minArgs} to ${spec.maxArgs}`
}
