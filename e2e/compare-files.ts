import fs from 'node:fs'
import path from 'node:path'

/** The two rule changes the compare spec looks for: one precedence, one transformation's expression. */
export const COMPARE_EDITS = {
  movedRule: 'Contoso - In from AD - User Department from HR',
  editedRule: 'Contoso - In from AD - User Common',
} as const

/**
 * A copy of a training snapshot folder (`<folder>-staging`) as another server would hold it: the same objects,
 * the HR rule moved from precedence 50 to 95 and the displayName expression of the Contoso Common rule changed.
 */
export function writeStagingCopy(folder: string): string {
  const copy = `${folder}-staging`
  fs.cpSync(folder, copy, { recursive: true })
  const rules = path.join(copy, 'SynchronizationRules')
  for (const name of fs.readdirSync(rules)) {
    const file = path.join(rules, name)
    let text = fs.readFileSync(file, 'utf8')
    if (text.includes(`<name>${COMPARE_EDITS.movedRule}</name>`)) {
      text = text.replace('<precedence>50</precedence>', '<precedence>95</precedence>')
    }
    if (text.includes(`<name>${COMPARE_EDITS.editedRule}</name>`)) {
      text = text.replace(
        'IIF(IsNullOrEmpty([displayName]),[cn],[displayName])',
        'IIF(IsNullOrEmpty([displayName]),[cn],Trim([displayName]) &amp; " (Contoso)")',
      )
    }
    fs.writeFileSync(file, text)
  }
  return copy
}
