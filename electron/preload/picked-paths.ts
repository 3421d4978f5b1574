/** A picked or dropped file with its location on disk, as the preload sees it. */
export interface PickedLocation {
  /** Absolute path from `webUtils.getPathForFile`; empty for files that exist only in memory. */
  readonly absolutePath: string
  /** `File.webkitRelativePath`: `folder/sub/file.xml` when a folder was picked, empty otherwise. */
  readonly relativePath: string
}

/**
 * The paths to open for what the user picked or dropped.
 *
 * A folder picked with a file input arrives as every file inside it, each with a relative path that
 * starts with the folder's name; the snapshot is that folder, so those files collapse into its one
 * path. Dropped items (files, folders, a .zip) carry no relative path and are opened as they are.
 */
export function snapshotPaths(picked: readonly PickedLocation[]): readonly string[] {
  const paths = new Set<string>()
  for (const { absolutePath, relativePath } of picked) {
    if (absolutePath === '') continue
    paths.add(relativePath === '' ? absolutePath : folderOf(absolutePath, relativePath))
  }
  return [...paths]
}

/** The picked folder's path: the absolute path without the relative path's segments below the folder. */
function folderOf(absolutePath: string, relativePath: string): string {
  const depth = relativePath.split('/').filter((segment) => segment !== '').length - 1
  let folder = absolutePath
  for (let level = 0; level < depth; level++) {
    const cut = Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\'))
    if (cut <= 0) return absolutePath
    folder = folder.slice(0, cut)
  }
  return folder
}
