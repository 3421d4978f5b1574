import fs from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'

/** Writes files (path relative to `folder` -> text) and returns the folder. */
export function writeFolder(folder: string, files: ReadonlyMap<string, string>): string {
  for (const [relative, text] of files) {
    const full = path.join(folder, ...relative.split('/'))
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, text)
  }
  return folder
}

/** Zips a folder (its name becomes the zip's top folder, as Explorer's "Send to > Compressed folder" does). */
export function zipFolder(folder: string, zipPath: string): string {
  const entries: Zippable = {}
  const top = path.basename(folder)
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name)
      if (entry.isDirectory()) walk(full)
      else entries[[top, ...path.relative(folder, full).split(path.sep)].join('/')] = fs.readFileSync(full)
    }
  }
  walk(folder)
  fs.mkdirSync(path.dirname(zipPath), { recursive: true })
  fs.writeFileSync(zipPath, zipSync(entries))
  return zipPath
}

/**
 * A snapshot big enough to take seconds to load (rule files of a few MB each, parsed whole), so a spec can
 * press Cancel while it is still loading.
 */
export function writeSlowSnapshot(folder: string, fileCount = 16, mappingsPerFile = 40_000): string {
  const mapping =
    '<mapping><dest>displayName</dest><src><attr>displayName</attr></src><valueMergeType>Update</valueMergeType></mapping>\n'
  const body = mapping.repeat(mappingsPerFile)
  const files = new Map<string, string>()
  for (let index = 0; index < fileCount; index++) {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`
    files.set(
      `SynchronizationRules/SynchronizationRule_{${id}}.xml`,
      `<synchronizationRule><id>{${id}}</id><name>Slow ${index}</name><direction>Inbound</direction>` +
        `<connector>{a7b3c1d2-4e5f-4a6b-9c8d-0e1f2a3b4c5d}</connector><sourceObjectType>user</sourceObjectType>` +
        `<targetObjectType>person</targetObjectType><linkType>Join</linkType><precedence>${200 + index}</precedence>` +
        `<attribute-mappings>${body}</attribute-mappings></synchronizationRule>`,
    )
  }
  return writeFolder(folder, files)
}

/** Text as bytes, for zip entries built in a spec. */
export function utf8(text: string): Uint8Array {
  return strToU8(text)
}
