import type { ByteInput, ByteOutput, ObjectCache } from '../../io/source'
import { joinedBytes } from '../../store/testing/joined-bytes'
import { fileInput } from '../../store/testing/long-texts'

/** What a memory cache handed out: each read's input, and how reads of it and its removal went. */
export interface MemoryCache extends ObjectCache {
  /** The inputs handed out by `read`, in order. */
  readonly opened: ReturnType<typeof fileInput>[]
  /** Times an input asked for the entry to be removed (`ByteInput.discard`). */
  readonly discarded: () => number
  /** From now on every read of a handed-out input gives zeros, as a disk that went bad under the entry would. */
  damage(): void
}

/**
 * A reopen cache in memory holding what was last written, read back as a file is (`fileInput`). Its inputs can be
 * discarded, as a disk entry's can: the entry is then gone, and the next read finds none.
 */
export function memoryCache(): MemoryCache {
  let kept: Uint8Array | null = null
  let damaged = false
  let discarded = 0
  const opened: ReturnType<typeof fileInput>[] = []
  return {
    opened,
    discarded: () => discarded,
    damage: () => {
      damaged = true
    },
    read: () => {
      if (kept === null) return Promise.resolve(null)
      const input = fileInput(kept)
      opened.push(input)
      const handed: ByteInput & { readonly state: { closed: boolean } } = {
        ...input,
        read: (target, position) => {
          input.read(target, position)
          if (damaged) target.fill(0)
        },
        discard: () => {
          discarded += 1
          kept = null
          input.close()
        },
      }
      return Promise.resolve(handed)
    },
    write: (produce: () => ByteOutput) => {
      kept = joinedBytes(produce().pieces())
    },
  }
}
