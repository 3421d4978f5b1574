import { Fragment, type KeyboardEvent, type RefObject } from 'react'
import { isStandardRule, type SyncRule } from '../../../shared/model/sync-rule'
import { useNavigate } from '../../ui/navigation-context'
import { tabId, tabPanelId, Tabs } from '../../ui/tabs'
import {
  descriptionFields,
  flowRows,
  joinRows,
  pageCount,
  RULE_PAGES,
  scopeRows,
  type FlowSource,
  type RulePage,
} from './rule-detail-model'
import { yesNo } from './rule-rows'

const ID_PREFIX = 'rule-detail'

/**
 * Links from a rule to the objects it is about: a Metaverse Search of its metaverse object type that keeps only
 * the objects in the rule's scope.
 */
function RuleLinks({ rule }: { readonly rule: SyncRule }) {
  const navigate = useNavigate()
  const objectType = rule.direction === 'Inbound' ? rule.targetObjectType : rule.sourceObjectType
  if (objectType === '') return null
  return (
    <div className="rule-links">
      <button
        type="button"
        className="link-button"
        onClick={() =>
          navigate({ view: 'search', objectType, inScopeOf: { ruleId: rule.id, ruleName: rule.name } })
        }
        data-testid="find-objects-in-scope"
      >
        Find {objectType} objects in the metaverse{rule.scopeGroups.length > 0 ? ' in its scope' : ''}
      </button>
    </div>
  )
}

function DescriptionPage({ rule }: { readonly rule: SyncRule }) {
  return (
    <dl className="fields" data-testid="rule-description">
      {descriptionFields(rule).map((field) => (
        <div key={field.label} className="fields__row">
          <dt>{field.label}</dt>
          <dd className={field.code ? 'code' : undefined}>
            {field.value === '' ? <span className="muted">(none)</span> : field.value}
          </dd>
        </div>
      ))}
    </dl>
  )
}

function ScopingPage({ rule }: { readonly rule: SyncRule }) {
  const rows = scopeRows(rule)
  if (rows.length === 0) {
    return <p className="page-note">No scoping filter: the rule applies to every object.</p>
  }
  const groups = [...new Set(rows.map((row) => row.group))]
  return (
    <>
      <p className="page-note">
        An object is in scope when every clause of at least one group is true: clauses are AND-ed, groups are
        OR-ed.
      </p>
      <table className="data-table detail-table" data-testid="scope-table">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Attribute</th>
            <th scope="col">Operator</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        {groups.map((group, index) => {
          const clauses = rows.filter((row) => row.group === group)
          return (
            <Fragment key={group}>
              {index > 0 && (
                <tbody className="group-separator">
                  <tr>
                    <td colSpan={4}>
                      <span className="logic logic--or">OR</span>
                    </td>
                  </tr>
                </tbody>
              )}
              <tbody className="group">
                {clauses.map((clause, clauseIndex) => (
                  <tr key={clauseIndex}>
                    {clause.firstInGroup && (
                      <th scope="rowgroup" rowSpan={clauses.length} className="group__label">
                        Group {group}
                      </th>
                    )}
                    <td className="code">
                      {!clause.firstInGroup && <span className="logic logic--and">AND</span>}
                      {clause.attribute}
                    </td>
                    <td className="code">{clause.operator}</td>
                    <td className="code">{clause.value}</td>
                  </tr>
                ))}
              </tbody>
            </Fragment>
          )
        })}
      </table>
    </>
  )
}

function JoinPage({ rule }: { readonly rule: SyncRule }) {
  const rows = joinRows(rule)
  if (rows.length === 0) {
    return (
      <p className="page-note">
        No join rules.{' '}
        {rule.linkType === 'Provision'
          ? 'The rule provisions: it creates a metaverse object when none is joined.'
          : 'Another rule must join the object for this one to apply.'}
      </p>
    )
  }
  return (
    <>
      <p className="page-note">
        Join groups are tried in order; the first group that finds exactly one match joins the object.
        Conditions inside a group are AND-ed.
      </p>
      <table className="data-table detail-table" data-testid="join-table">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Source attribute</th>
            <th scope="col">Target attribute</th>
            <th scope="col">Case sensitive</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className={row.firstInGroup && index > 0 ? 'group-start' : undefined}>
              <td className="group__label">{row.firstInGroup ? `Group ${row.group}` : ''}</td>
              <td className="code">{row.sourceAttribute}</td>
              <td className="code">{row.targetAttribute}</td>
              <td>{yesNo(row.caseSensitive)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function SourceCell({ source }: { readonly source: FlowSource }) {
  switch (source.kind) {
    case 'attributes':
      return <span className="code">{source.names.join(', ')}</span>
    case 'constant':
      return (
        <span className="code constant" title="Constant value">
          &quot;{source.value}&quot;
        </span>
      )
    case 'expression':
      return <code className="expression">{source.text}</code>
  }
}

function TransformationsPage({ rule }: { readonly rule: SyncRule }) {
  const rows = flowRows(rule)
  if (rows.length === 0) return <p className="page-note">No transformations: the rule flows no attributes.</p>
  return (
    <table className="data-table detail-table flows-table" data-testid="flow-table">
      <colgroup>
        <col className="flows-table__col-type" />
        <col className="flows-table__col-target" />
        <col />
        <col className="flows-table__col-once" />
        <col className="flows-table__col-merge" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Flow type</th>
          <th scope="col">Target attribute</th>
          <th scope="col" className="flows-table__source">
            Source
          </th>
          <th scope="col">Apply once</th>
          <th scope="col">Merge type</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td className="flows-table__type">{row.flowType}</td>
            <td className="flows-table__target code">{row.target}</td>
            <td className="flows-table__source">
              <SourceCell source={row.source} />
            </td>
            <td
              className={row.applyOnce ? 'flows-table__once' : 'flows-table__once flows-table__once--default'}
            >
              {yesNo(row.applyOnce)}
            </td>
            <td
              className={
                row.mergeType === 'Update'
                  ? 'flows-table__merge flows-table__merge--default'
                  : 'flows-table__merge'
              }
            >
              {row.mergeType}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Page({ rule, page }: { readonly rule: SyncRule; readonly page: RulePage }) {
  switch (page) {
    case 'Description':
      return <DescriptionPage rule={rule} />
    case 'Scoping filter':
      return <ScopingPage rule={rule} />
    case 'Join rules':
      return <JoinPage rule={rule} />
    case 'Transformations':
      return <TransformationsPage rule={rule} />
  }
}

/** The selected rule's pages (Description, Scoping filter, Join rules, Transformations), read-only. */
export function RuleDetail({
  rule,
  page,
  onPageChange,
  onLeave,
  paneRef,
  id,
}: {
  readonly rule: SyncRule | null
  readonly page: RulePage
  readonly onPageChange: (page: RulePage) => void
  /** F6 or Escape: focus goes back to the grid. */
  readonly onLeave: () => void
  readonly paneRef: RefObject<HTMLElement | null>
  readonly id: string
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'F6' || event.key === 'Escape') {
      event.preventDefault()
      onLeave()
    }
  }

  return (
    // F6 and Escape leave the pane from any control inside it (the two-pane pattern of a rules editor).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      id={id}
      ref={paneRef}
      className="rule-detail"
      aria-label="Rule details"
      onKeyDown={onKeyDown}
      data-testid="rule-detail"
    >
      {rule === null ? (
        <p className="rule-detail__placeholder">
          Select a rule to see its description, scoping filter, join rules and transformations.
        </p>
      ) : (
        <>
          <header className="rule-detail__header">
            <h2 className="rule-detail__name">{rule.name}</h2>
            <div className="chips">
              <span className="chip">{rule.direction}</span>
              <span className="chip">Precedence {rule.precedence}</span>
              {isStandardRule(rule) && <span className="chip chip--standard">Standard rule</span>}
              {rule.disabled && <span className="chip chip--disabled">Disabled</span>}
            </div>
            <RuleLinks rule={rule} />
          </header>
          <Tabs
            label="Rule pages"
            idPrefix={ID_PREFIX}
            tabs={RULE_PAGES.map((name) => ({ id: name, label: name, count: pageCount(rule, name) }))}
            selected={page}
            onSelect={onPageChange}
          />
          <div
            id={tabPanelId(ID_PREFIX)}
            role="tabpanel"
            aria-labelledby={tabId(ID_PREFIX, page)}
            tabIndex={0}
            className="rule-detail__page"
            data-testid="rule-page"
          >
            <Page rule={rule} page={page} />
          </div>
        </>
      )}
    </section>
  )
}
