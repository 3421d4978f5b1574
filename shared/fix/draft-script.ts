/**
 * A draft as a Synchronization Rules Editor script: each new, copied or changed rule as the editor exports it,
 * the out-of-box originals written back disabled, and comments saying what it fixes, the steps a script cannot
 * do (attribute selection, runs), and that it runs on the staging server first.
 */
import { ruleScriptFileContent, type RuleScript, type ScriptRule } from '../formats/ps1/rule-script-writer'
import { connectorChanges, type FixDraft, isRuleChange, type RuleChange } from './draft'

/** What the script header says about where the draft comes from. */
export interface ScriptContext {
  /** The snapshot's name, e.g. the export folder. */
  readonly snapshotName?: string
  /** When the script was written (ISO text); fixed in tests. */
  readonly writtenAt?: string
}

/** The script of a draft, ready for the writer. */
export function draftScript(draft: FixDraft, context: ScriptContext = {}): RuleScript {
  const ruleChanges = draft.changes.filter(isRuleChange)
  const selections = connectorChanges(draft)
  const numbered = draft.changes.map((change, index) => `${index + 1}. ${change.summary}`)
  const header = [
    `SyncLens draft fix: ${draft.target.attribute} of ${draft.target.dn}`,
    `Connector: ${draft.target.connectorName}. Verdict in the snapshot: ${draft.verdict}.`,
    ...(context.snapshotName ? [`Snapshot: ${context.snapshotName}.`] : []),
    ...(context.writtenAt ? [`Written: ${context.writtenAt}.`] : []),
    '',
    'What it changes:',
    ...numbered.map((line) => `  ${line}`),
    '',
    ...(ruleChanges.length === 0
      ? [
          'This draft changes no synchronization rule, so the script has no command to run: the changes are',
          'connector settings, listed at the end. Make them on the STAGING server first (staging mode on), run',
          'the import and a full synchronization there, and check the pending exports before the active server.',
        ]
      : [
          'Run it on the STAGING server first (staging mode on): run a full synchronization there and check the',
          'pending exports (csexport, or the Synchronization Service Manager) before you change the active server.',
          'Add-ADSyncRule adds each rule; a rule whose identifier already exists is replaced.',
          'Out-of-box rules are never edited in place: a custom copy is added and the original is written back',
          'with -Disabled, as the Synchronization Rules Editor does when you edit one.',
        ]),
    ...(selections.length > 0 && ruleChanges.length > 0
      ? [
          '',
          'Not in this script (do them by hand, see the end of the script):',
          ...selections.map((selection) => `  - ${selection.summary}`),
        ]
      : []),
    ...(draft.remaining.length > 0
      ? [
          '',
          'Still broken after these changes (no rule or connector change fixes them):',
          ...draft.remaining.map((item) => `  - ${item.code}: ${item.advice}`),
        ]
      : []),
  ]
  const rules: ScriptRule[] = ruleChanges.map((change) => ({
    rule: change.rule,
    comments: ruleComments(change, draft),
  }))
  for (const change of ruleChanges) {
    if (change.kind !== 'clone-rule' || !change.original || change.original.disabled) continue
    rules.push({
      rule: { ...change.original, disabled: true },
      comments: [
        `The out-of-box rule "${change.original.name}", written back unchanged but disabled:`,
        `"${change.rule.name}" replaces it.`,
      ],
    })
  }
  const footer = [
    ruleChanges.length === 0 ? 'Steps, by hand:' : 'After the rules are added:',
    ...selections.map((selection, index) => `  ${index + 1}. ${selection.summary}`),
    ruleChanges.length === 0
      ? `  ${selections.length + 1}. Run a full synchronization, check the pending exports, then export.`
      : `  ${selections.length + 1}. Run a full synchronization (a rule change needs one), check the pending exports, then export.`,
  ]
  return { header, rules, footer }
}

function ruleComments(change: RuleChange, draft: FixDraft): readonly string[] {
  const number = draft.changes.indexOf(change) + 1
  const what =
    change.kind === 'add-rule'
      ? 'new custom rule'
      : change.kind === 'clone-rule'
        ? `custom copy of the out-of-box rule "${change.original?.name ?? ''}"`
        : `changed custom rule (it exists already; this replaces it)`
  return [`Change ${number}: ${what}; fixes ${change.fixes}.`, change.summary]
}

/** The script file of a draft: UTF-8 with a byte order mark, for Windows PowerShell. */
export function draftScriptFile(draft: FixDraft, context: ScriptContext = {}): string {
  return ruleScriptFileContent(draftScript(draft, context))
}

/** A file name for a draft's script: the attribute and the object's name, safe on every file system. */
export function draftScriptFileName(draft: FixDraft): string {
  const rdn = /^[^=]+=((?:\\.|[^,])*)/.exec(draft.target.dn)?.[1] ?? 'object'
  const safe = (text: string): string =>
    text
      .replace(/\\(.)/g, '$1')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'object'
  return `synclens-fix-${safe(draft.target.attribute)}-${safe(rdn)}.ps1`
}
