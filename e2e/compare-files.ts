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

/** What the configuration-only copy changes: the AD connector's name and id, and the HR rule disabled. */
export const STAGING_EDITS = {
  connectorName: 'CORP-AD (staging)',
  disabledRule: 'Contoso - In from AD - User Department from HR',
} as const

/**
 * The configuration of a training snapshot folder as a staging server built separately would export it
 * (`<folder>-config`): no connector spaces and no metaverse, the AD connector under another name and id (its
 * rules follow it), and the HR rule disabled.
 */
export function writeConfigurationOnlyCopy(folder: string): string {
  const copy = `${folder}-config`
  for (const part of ['Connectors', 'GlobalSettings', 'SynchronizationRules'])
    fs.cpSync(path.join(folder, part), path.join(copy, part), { recursive: true })
  const adFile = fs
    .readdirSync(path.join(copy, 'Connectors'))
    .map((name) => path.join(copy, 'Connectors', name))
    .find((file) => fs.readFileSync(file, 'utf8').includes('<category>AD</category>'))
  if (adFile === undefined) throw new Error(`No AD connector in ${folder}`)
  const oldId = /<id>\{([0-9A-Fa-f-]+)\}<\/id>/.exec(fs.readFileSync(adFile, 'utf8'))?.[1]
  if (oldId === undefined) throw new Error(`No connector id in ${adFile}`)
  const newId = '9C1E2B7D-4F33-4A70-8E2A-0D5B6C7E8F90'
  const renameId = (text: string): string => text.replace(new RegExp(oldId, 'gi'), newId)
  const adText = renameId(fs.readFileSync(adFile, 'utf8')).replace(
    /<name>[^<]*<\/name>/,
    `<name>${STAGING_EDITS.connectorName}</name>`,
  )
  fs.rmSync(adFile)
  fs.writeFileSync(path.join(copy, 'Connectors', `Connector_{${newId.toLowerCase()}}.xml`), adText)
  const rules = path.join(copy, 'SynchronizationRules')
  for (const name of fs.readdirSync(rules)) {
    const file = path.join(rules, name)
    let text = renameId(fs.readFileSync(file, 'utf8'))
    if (text.includes(`<name>${STAGING_EDITS.disabledRule}</name>`)) {
      text = text.replace('<disabled>False</disabled>', '<disabled>True</disabled>')
    }
    fs.writeFileSync(file, text)
  }
  return copy
}
