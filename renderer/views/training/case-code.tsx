import type { DiagnosisCode } from '../../../shared/model/diagnosis-codes'
import { DiagnosisChip } from '../common/diagnosis-chip'

/** A case's diagnosis code: the shared chip, with the code's own name as its reason for trainers. */
export function CaseCode({ code }: { readonly code: DiagnosisCode }) {
  return (
    <span className="case-code" data-testid="case-code" data-code={code}>
      <DiagnosisChip code={code} reason={`SyncLens reports ${code}`} />
    </span>
  )
}
