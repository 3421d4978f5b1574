import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SnapshotSummary } from '../../../shared/app/host-api'
import type { ObjectReport, ReportUnmapped } from '../../../shared/engine/object-report'
import { severityMeaning } from '../../../shared/model/diagnosis-codes'
import type { CsObject } from '../../../shared/model/objects'
import { diagnosisSource } from '../../../shared/app/diagnosis-source'
import { AAD_CONNECTOR_ID } from '../../../shared/model/connector'
import { useHost } from '../../ui/host-context'
import type { Route } from '../../ui/navigation'
import { useNavigate } from '../../ui/navigation-context'
import { Tabs, tabId, tabPanelId } from '../../ui/tabs'
import { useRememberedSize } from '../../ui/remembered-size'
import { clampSplit } from '../../ui/split'
import { Splitter } from '../../ui/splitter'
import { useElementWidth } from '../../ui/use-element-width'
import { CsObjectPanel } from '../connector-space/cs-object-panel'
import { DiagnosisChip, toneClass } from '../common/diagnosis-chip'
import { useHostQuery } from '../common/use-host-query'
import { AttributesTab } from './attributes-tab'
import { ConnectorsTab } from './connectors-tab'
import { DiagnosisPanel } from './diagnosis-panel'
import { flowLines } from './flow-lines'
import { FlowTab } from './flow-tab'
import { PreviewTab } from './preview-tab'
import { PathStepper } from './path-stepper'
import { useAnswersHidden } from '../../ui/present-mode'
import { RulePane, type RulePaneTarget } from './rule-pane'

type ObjectRoute = Extract<Route, { view: 'object' }>

const SPLITTER_WIDTH = 6
/** The object's page keeps this much; the side panel (Why, rule) gets the rest, at least its minimum. */
const SIDE_LIMITS = { minFirst: 420, minSecond: 300 }
/** The side panel's share of the width until the user drags the splitter. */
const DEFAULT_SIDE_SHARE = 0.3
type ObjectTab = 'cs' | 'preview' | 'attributes' | 'connectors' | 'flow'

interface ObjectData {
  readonly report: ObjectReport | null
  readonly csObject: CsObject | null
}

/**
 * Metaverse Object Properties (and a connector-space object's own page): header, tabs, the aligned attribute
 * flow, the rule pane and the diagnosis panel.
 */
export function ObjectView({
  route,
  summary,
}: {
  readonly route: ObjectRoute
  readonly summary: SnapshotSummary
}) {
  const host = useHost()
  const navigate = useNavigate()
  const csId = 'csId' in route.target ? route.target.csId : null
  const key = csId !== null ? `cs:${csId}` : `mv:${'mvId' in route.target ? route.target.mvId : ''}`
  const data = useHostQuery<ObjectData>(key, async () => {
    const [report, csObject] = await Promise.all([
      host.objectReport(route.target),
      csId === null ? Promise.resolve(null) : host.csObject(csId),
    ])
    return { report, csObject }
  })
  const [tab, setTab] = useState<ObjectTab>(
    route.attribute !== undefined ? 'flow' : csId !== null ? 'cs' : 'attributes',
  )
  const [rulePane, setRulePane] = useState<RulePaneTarget | null>(null)
  const [sideWidth, setSideWidth] = useRememberedSize('object-side-panel')
  const bodyRef = useRef<HTMLDivElement | null>(null)
  const bodyWidth = useElementWidth(bodyRef)
  const answersHidden = useAnswersHidden()
  const titleRef = useRef<HTMLHeadingElement | null>(null)
  const loaded = data.status === 'done'
  // Focus moves into the opened object (its title), so the keyboard and a screen reader start there.
  useEffect(() => {
    if (loaded) titleRef.current?.focus({ preventScroll: true })
  }, [loaded, key])
  const selected = route.attribute ?? null
  const diagnosing = route.diagnose === true && route.attribute !== undefined ? route.attribute : null

  const aad = useMemo(
    () =>
      new Set(
        summary.connectors.filter((connector) => connector.type === 'AAD').map((connector) => connector.id),
      ),
    [summary],
  )
  const report = data.status === 'done' ? data.value.report : null
  const lines = useMemo(
    () => (report ? flowLines(report, (id) => id === AAD_CONNECTOR_ID || aad.has(id)) : []),
    [report, aad],
  )

  const selectAttribute = useCallback(
    (attribute: string) => navigate({ ...route, attribute, diagnose: false }, { replace: true }),
    [navigate, route],
  )
  const diagnose = useCallback(
    (attribute: string) => {
      setRulePane(null)
      navigate({ ...route, attribute, diagnose: true }, { replace: true })
    },
    [navigate, route],
  )

  const draftFix = (attribute: string): void => {
    const source = csId ?? (report ? diagnosisSource(report, attribute) : null)
    if (source !== null) navigate({ view: 'fix', csId: source, attribute })
  }

  if (data.status === 'loading') return <main className="view empty-state">Reading the object…</main>
  if (data.status === 'failed')
    return <main className="view empty-state error-text">The object could not be read: {data.message}</main>
  const { csObject } = data.value
  if (!report && !csObject)
    return (
      <main className="view empty-state">
        This object is not in the snapshot. Search the metaverse or a connector space to find another.
      </main>
    )

  const metaverse = report?.metaverse ?? null
  const displayName =
    metaverse?.attributes.find((attribute) => attribute.name.toLowerCase() === 'displayname')?.values[0] ??
    csObject?.dn ??
    metaverse?.id ??
    ''
  const tabs = [
    ...(csObject
      ? [
          { id: 'cs' as const, label: 'Connector space object', count: null },
          { id: 'preview' as const, label: 'Preview', count: null },
        ]
      : []),
    { id: 'attributes' as const, label: 'Attributes', count: metaverse?.attributes.length ?? 0 },
    { id: 'connectors' as const, label: 'Connectors', count: report?.connectors.length ?? 0 },
    { id: 'flow' as const, label: 'Attribute Flow', count: lines.filter((line) => line.flagged).length },
  ]
  const diagnosisCs = csId ?? (diagnosing !== null && report ? diagnosisSource(report, diagnosing) : null)
  const canDiagnose = csId !== null || (report?.connectors.length ?? 0) > 0
  const sideOpen = (diagnosing !== null && diagnosisCs !== null) || (diagnosing === null && rulePane !== null)
  const available = Math.max(0, bodyWidth - SPLITTER_WIDTH)
  const mainWidth =
    available > 0
      ? clampSplit(available - (sideWidth ?? available * DEFAULT_SIDE_SHARE), available, SIDE_LIMITS)
      : null

  return (
    <main className="view object-view" data-testid="object-view">
      <EscapeCloses
        active={sideOpen}
        onEscape={() => {
          if (diagnosing !== null) navigate({ ...route, diagnose: false }, { replace: true })
          else setRulePane(null)
          titleRef.current?.focus()
        }}
      />
      <header className="object-header">
        <h2 className="view-title" data-testid="object-title" tabIndex={-1} ref={titleRef}>
          {displayName}
        </h2>
        <dl className="facts">
          {metaverse && (
            <>
              <div>
                <dt>Unique identifier (GUID)</dt>
                <dd className="mono" data-testid="object-guid">
                  {metaverse.id}
                </dd>
              </div>
              <div>
                <dt>Object type</dt>
                <dd data-testid="object-type">{metaverse.objectType}</dd>
              </div>
            </>
          )}
          {!metaverse && csObject && (
            <div>
              <dt>Metaverse</dt>
              <dd>Not joined to a metaverse object</dd>
            </div>
          )}
          {report && <FindingCounts report={report} />}
        </dl>
        {report && <WholeObjectFindings findings={report.unmapped} />}
      </header>
      <Tabs label="Object pages" idPrefix="object" tabs={tabs} selected={tab} onSelect={setTab} />
      <div
        ref={bodyRef}
        className={sideOpen ? 'object-body object-body--split' : 'object-body'}
        style={
          sideOpen
            ? {
                gridTemplateColumns:
                  mainWidth === null
                    ? `minmax(0, ${100 - DEFAULT_SIDE_SHARE * 100}fr) ${SPLITTER_WIDTH}px minmax(0, ${DEFAULT_SIDE_SHARE * 100}fr)`
                    : `${mainWidth}px ${SPLITTER_WIDTH}px minmax(0, 1fr)`,
              }
            : undefined
        }
      >
        <div
          role="tabpanel"
          id={tabPanelId('object')}
          aria-labelledby={tabId('object', tab)}
          className="object-body__main"
        >
          {tab === 'cs' && csObject && (
            <CsObjectPanel object={csObject} report={report} onDiagnose={diagnose} />
          )}
          {tab === 'preview' && csObject && (
            <PreviewTab report={report} object={csObject} onDiagnose={diagnose} />
          )}
          {tab === 'attributes' && (
            <AttributesTab
              attributes={metaverse?.attributes ?? []}
              unmapped={report?.unmapped ?? []}
              onDiagnose={canDiagnose ? diagnose : null}
              selected={selected}
              onSelect={selectAttribute}
            />
          )}
          {tab === 'connectors' && <ConnectorsTab connections={report?.connectors ?? []} />}
          {tab === 'flow' && (
            <FlowTab
              lines={lines}
              selected={selected}
              onSelect={(attribute) => {
                if (attribute !== selected) selectAttribute(attribute)
              }}
              onOpenRule={(target) => setRulePane(target)}
              onDiagnose={diagnose}
              onDraftFix={draftFix}
              csId={canDiagnose ? (csId ?? '') : null}
              mvId={metaverse?.id ?? null}
            />
          )}
        </div>
        {sideOpen && (
          <Splitter
            label="Resize the side panel"
            position={mainWidth ?? available * (1 - DEFAULT_SIDE_SHARE)}
            controls={tabPanelId('object')}
            onResize={(width) => setSideWidth(available - clampSplit(width, available, SIDE_LIMITS))}
          />
        )}
        {diagnosing !== null &&
          diagnosisCs !== null &&
          (answersHidden ? (
            <PathStepper
              csId={diagnosisCs}
              attribute={diagnosing}
              summary={summary}
              onClose={() => navigate({ ...route, diagnose: false }, { replace: true })}
            />
          ) : (
            <DiagnosisPanel
              csId={diagnosisCs}
              attribute={diagnosing}
              onDraftFix={() => navigate({ view: 'fix', csId: diagnosisCs, attribute: diagnosing })}
              onClose={() => navigate({ ...route, diagnose: false }, { replace: true })}
            />
          ))}
        {diagnosing === null && rulePane && <RulePane flow={rulePane} onClose={() => setRulePane(null)} />}
      </div>
    </main>
  )
}

/** The object's findings by severity: the same counts as `synclens object`, the report and the search filter. */
function FindingCounts({ report }: { readonly report: ObjectReport }) {
  const { counts } = report
  // Presenting a case: the counts would tell the class whether anything is wrong before it worked it out.
  if (useAnswersHidden())
    return (
      <div data-testid="finding-counts">
        <dt>Findings</dt>
        <dd className="muted" data-masked="true">
          hidden while presenting
        </dd>
      </div>
    )
  return (
    <div data-testid="finding-counts">
      <dt>Findings</dt>
      <dd className="cell-chips">
        <span
          className={`chip ${toneClass('blocking')}`}
          data-testid="count-blocking"
          title={severityMeaning('blocking')}
        >
          {counts.blocking} blocking
        </span>
        <span
          className={`chip ${toneClass('unmapped')}`}
          data-testid="count-unmapped"
          title={severityMeaning('unmapped')}
        >
          {counts.unmapped} unmapped
        </span>
        <span
          className={`chip ${toneClass('by-design')}`}
          data-testid="count-by-design"
          title={severityMeaning('by-design')}
        >
          {counts.byDesign} by design
        </span>
      </dd>
    </div>
  )
}

/** Breaks about the whole object (not connected to a target, cloud filtered): no attribute row carries them. */
function WholeObjectFindings({ findings }: { readonly findings: readonly ReportUnmapped[] }) {
  const whole = findings.filter((finding) => finding.attribute === '')
  if (whole.length === 0) return null
  return (
    <ul className="object-findings" data-testid="whole-object-findings">
      {whole.map((finding, index) => (
        <li key={index}>
          <DiagnosisChip code={finding.code} tone={finding.severity} reason={finding.message} />{' '}
          <span className="muted small">
            {finding.connector}: {finding.message}
          </span>
        </li>
      ))}
    </ul>
  )
}

/**
 * Escape closes the side panel (Why, rule) wherever the focus is in the window, unless something else used the
 * key first (a popover, Column Settings, a menu).
 */
function EscapeCloses({ active, onEscape }: { readonly active: boolean; readonly onEscape: () => void }) {
  const latest = useRef(onEscape)
  useEffect(() => {
    latest.current = onEscape
  })
  useEffect(() => {
    if (!active) return undefined
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [active])
  return null
}
