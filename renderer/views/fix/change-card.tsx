import type { ContainerEdit, DraftChange } from '../../../shared/fix/draft'
import type { DraftEdit } from './edit-draft'
import type { DraftProblem } from '../../../shared/fix/check-draft'
import type { ObjectReport } from '../../../shared/engine/object-report'
import type { AttributeFlow } from '../../../shared/model/sync-rule'
import { DiagnosisChip } from '../common/diagnosis-chip'
import { outcomeText } from '../../../shared/model/flow-outcome'
import { FlowEditor } from './flow-editor'
import { ScopeEditor } from './scope-editor'

const KIND_LABELS: Readonly<Record<DraftChange['kind'], string>> = {
  'add-rule': 'New custom rule',
  'clone-rule': 'Custom copy of an out-of-box rule',
  'edit-rule': 'Changed custom rule',
  'select-attribute': 'Connector: select an attribute',
  'include-container': 'Connector: container filter',
}

/** What one container edit does (the window's copy of the words shared/fix/draft.ts uses). */
function containerEditLabel(edit: ContainerEdit, partition: string): string {
  switch (edit.kind) {
    case 'remove-exclusion':
      return `Clear the exclusion of ${edit.container}`
    case 'add-inclusion':
      return `Include ${edit.container}`
    case 'select-partition':
      return `Select the partition ${partition}`
    case 'select-object-class':
      return `Select the object class ${edit.objectClass}`
  }
}

/** What a drafted rule's mapping computes for the object after the change, from the preview's flow rows. */
function mappingOutcome(report: ObjectReport | null, ruleId: string, target: string): string | null {
  if (!report) return null
  const wanted = target.toLowerCase()
  const row =
    report.importFlow.find((item) => item.rule.id === ruleId && item.mvAttribute.toLowerCase() === wanted) ??
    report.exportFlow
      .flatMap((exported) => exported.rows)
      .find((item) => item.rule.id === ruleId && item.csAttribute.toLowerCase() === wanted)
  if (!row) return null
  const computed = outcomeText(row.computed, 'cell')
  return row.status === 'contributes' || row.status === 'in-sync' ? computed : `${computed} (${row.reason})`
}

/**
 * One change of a draft, editable where the Rules Editor lets an admin edit: a rule's precedence, scoping filter
 * and mappings; a selection's stand-in values (what the directory holds, which the snapshot never imported).
 */
export function ChangeCard({
  change,
  index,
  problems,
  attribute,
  after,
  onEdit,
}: {
  readonly change: DraftChange
  readonly index: number
  /** The attribute the draft is for: its mapping is shown first. */
  readonly attribute: string
  readonly problems: readonly DraftProblem[]
  /** The object's report after the change, for the mappings' live outcome. */
  readonly after: ObjectReport | null
  readonly onEdit: (edit: DraftEdit) => void
}) {
  return (
    <li className="fix-change" data-testid="fix-change" data-kind={change.kind}>
      <header className="fix-change__head">
        <span className="fix-change__number">{index + 1}</span>
        <span className="fix-change__kind">{KIND_LABELS[change.kind]}</span>
        <DiagnosisChip code={change.fixes} reason={`This change addresses ${change.fixes}.`} />
      </header>
      <p className="fix-change__summary">{change.summary}</p>
      {problems.length > 0 && (
        <ul className="fix-problems" data-testid="fix-problems">
          {problems.map((problem, at) => (
            <li key={at} className={problem.severity === 'error' ? 'error-text' : 'muted'}>
              {problem.severity === 'error' ? 'Error: ' : 'Note: '}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
      {change.kind === 'select-attribute' ? (
        <SelectionFields change={change} index={index} onEdit={onEdit} />
      ) : change.kind === 'include-container' ? (
        <ContainerFields change={change} />
      ) : (
        <RuleFields change={change} index={index} attribute={attribute} after={after} onEdit={onEdit} />
      )}
    </li>
  )
}

function SelectionFields({
  change,
  index,
  onEdit,
}: {
  readonly change: Extract<DraftChange, { kind: 'select-attribute' }>
  readonly index: number
  readonly onEdit: (edit: DraftEdit) => void
}) {
  return (
    <>
      <dl className="facts fix-change__facts">
        <div>
          <dt>Connector</dt>
          <dd>{change.connectorName}</dd>
        </div>
        <div>
          <dt>Attribute</dt>
          <dd className="mono">{change.attribute}</dd>
        </div>
      </dl>
      {change.side === 'import' && (
        <label className="field field--grow fix-change__stand-in">
          <span>What the directory holds for this object (one value per line; the preview uses it)</span>
          <textarea
            className="input mono"
            rows={Math.min(4, Math.max(1, change.standIn.length))}
            value={change.standIn.join('\n')}
            onChange={(event) =>
              onEdit({
                kind: 'stand-in',
                change: index,
                values: event.target.value.split('\n').filter((value) => value !== ''),
              })
            }
            data-testid="fix-stand-in"
          />
        </label>
      )}
    </>
  )
}

function ContainerFields({
  change,
}: {
  readonly change: Extract<DraftChange, { kind: 'include-container' }>
}) {
  return (
    <>
      <dl className="facts fix-change__facts">
        <div>
          <dt>Connector</dt>
          <dd>{change.connectorName}</dd>
        </div>
        <div>
          <dt>Partition</dt>
          <dd className="mono">{change.partition}</dd>
        </div>
      </dl>
      <ul className="fix-change__edits" data-testid="fix-container-edits">
        {change.edits.map((edit, at) => (
          <li key={at}>{containerEditLabel(edit, change.partition)}</li>
        ))}
      </ul>
      <p className="muted small">
        A connector setting (Configure Directory Partitions, Containers): the saved script lists it as a step
        to do by hand, followed by a full import.
      </p>
    </>
  )
}

function RuleFields({
  change,
  index,
  attribute,
  after,
  onEdit,
}: {
  readonly change: Exclude<DraftChange, { kind: 'select-attribute' | 'include-container' }>
  readonly index: number
  /** The attributes the draft is about (source, metaverse and target names), lower-cased. */
  readonly attribute: string
  readonly after: ObjectReport | null
  readonly onEdit: (edit: DraftEdit) => void
}) {
  const { rule } = change
  const key = (flow: AttributeFlow): string => flow.target.toLowerCase()
  const before = new Map((change.original?.flows ?? []).map((flow) => [key(flow), JSON.stringify(flow)]))
  // The mappings the change is about come first: new or changed ones, and the one of the asked attribute.
  const relevant = (flow: AttributeFlow): boolean =>
    before.get(key(flow)) !== JSON.stringify(flow) || key(flow) === attribute.toLowerCase()
  const shown = rule.flows.filter(relevant)
  const folded = rule.flows.filter((flow) => !relevant(flow))
  const editor = (flow: AttributeFlow) => (
    <FlowEditor
      key={flow.target}
      flow={flow}
      outcome={mappingOutcome(after, rule.id, flow.target)}
      onChange={(edited) => onEdit({ kind: 'flow', change: index, target: flow.target, flow: edited })}
    />
  )
  return (
    <>
      <dl className="facts fix-change__facts">
        <div>
          <dt>Rule</dt>
          <dd data-testid="fix-rule-name">{rule.name}</dd>
        </div>
        <div>
          <dt>Direction</dt>
          <dd>{rule.direction}</dd>
        </div>
        <div>
          <dt>Connector</dt>
          <dd>{rule.connectorName ?? rule.connectorId}</dd>
        </div>
        <div>
          <dt>Object types</dt>
          <dd>
            {rule.sourceObjectType} → {rule.targetObjectType}
          </dd>
        </div>
        <div>
          <dt>Link type</dt>
          <dd>{rule.linkType}</dd>
        </div>
        <div>
          <dt>
            <label htmlFor={`precedence-${index}`}>Precedence</label>
          </dt>
          <dd>
            <input
              id={`precedence-${index}`}
              className="input fix-change__precedence"
              type="number"
              min={0}
              step={1}
              value={rule.precedence}
              onChange={(event) => {
                const value = Number(event.target.value)
                if (event.target.value !== '' && Number.isFinite(value))
                  onEdit({ kind: 'precedence', change: index, precedence: value })
              }}
              data-testid="fix-precedence"
            />
          </dd>
        </div>
      </dl>
      <h4 className="fix-change__section">Scoping filter</h4>
      <ScopeEditor
        groups={rule.scopeGroups}
        direction={rule.direction}
        label={rule.name}
        onChange={(scopeGroups) => onEdit({ kind: 'scope', change: index, scopeGroups })}
      />
      <h4 className="fix-change__section">Transformations</h4>
      {shown.map(editor)}
      {folded.length > 0 && (
        <details className="fix-change__more">
          <summary className="small">
            The other {folded.length} mappings of the rule{shown.length === 0 ? '' : ', unchanged'}
          </summary>
          {folded.map(editor)}
        </details>
      )}
    </>
  )
}
