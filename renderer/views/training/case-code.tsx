import type { DiagnosisCode } from '../../../shared/engine/codes'

/** A diagnosis code as the case list shows it. */
export function CaseCode({ code }: { readonly code: DiagnosisCode }) {
  return (
    <code className={code === 'OK' ? 'case-code case-code--ok' : 'case-code'} data-testid="case-code">
      {code}
    </code>
  )
}
