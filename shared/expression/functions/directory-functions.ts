/** Directory functions: DN components and escaping. */
import { asInteger, asOptionName, asReference, asString } from '../convert'
import { escapeDnComponent, splitDn } from '../../text/dn'
import { EvalFailure } from '../eval-failure'
import type { RuntimeValue } from '../runtime-value'
import { NULL } from '../runtime-value'
import type { FunctionImpl } from './function-types'
import { arg, given } from './function-types'

/**
 * The value of the nth RDN, escapes kept as written (the default rules look for `\0ACNF:` in
 * `DNComponent(CRef([dn]),1)`). UNSURE: a component number out of range gives NULL.
 */
function component(values: readonly string[], number: number): RuntimeValue {
  if (number < 1 || number > values.length) return NULL
  return values[number - 1] ?? NULL
}

const dnComponent: FunctionImpl = (args) => {
  const dn = asReference(arg(args, 0), 'DNComponent').dn
  return component(
    splitDn(dn).map((rdn) => rdn.value),
    asInteger(arg(args, 1), 'DNComponent'),
  )
}

const dnComponentRev: FunctionImpl = (args) => {
  const dn = asReference(arg(args, 0), 'DNComponentRev').dn
  let rdns = splitDn(dn)
  if (given(args, 2)) {
    const option = asOptionName(arg(args, 2), 'DNComponentRev')
    if (option.toUpperCase() !== 'DC')
      throw new EvalFailure(`DNComponentRev option must be "DC", not "${option}".`)
    rdns = rdns.filter((rdn) => rdn.type.toUpperCase() !== 'DC')
  }
  return component(rdns.map((rdn) => rdn.value).reverse(), asInteger(arg(args, 1), 'DNComponentRev'))
}

/** The directory functions by name. */
export const DIRECTORY_FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['DNComponent', dnComponent],
  ['DNComponentRev', dnComponentRev],
  ['EscapeDNComponent', (args) => escapeDnComponent(asString(arg(args, 0), 'EscapeDNComponent'))],
])
