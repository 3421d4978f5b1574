/** Every eagerly evaluated function by name; IIF, Switch, Where, Select and With live in the evaluator. */
import { CERTIFICATE_FUNCTIONS } from './certificate-functions'
import { CONVERSION_FUNCTIONS } from './conversion-functions'
import { DATE_FUNCTIONS } from './date-functions'
import { DIRECTORY_FUNCTIONS } from './directory-functions'
import { EVALUATION_FUNCTIONS } from './evaluation-functions'
import { FLOW_FUNCTIONS } from './flow-functions'
import type { FunctionImpl } from './function-types'
import { MATH_FUNCTIONS } from './math-functions'
import { MULTIVALUE_FUNCTIONS } from './multivalue-functions'
import { TEXT_FUNCTIONS } from './text-functions'

/** The implementation of each eager function. */
export const FUNCTION_IMPLEMENTATIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ...CERTIFICATE_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...DIRECTORY_FUNCTIONS,
  ...EVALUATION_FUNCTIONS,
  ...FLOW_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...MULTIVALUE_FUNCTIONS,
  ...TEXT_FUNCTIONS,
])
