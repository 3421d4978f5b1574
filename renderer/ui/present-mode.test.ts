import { afterEach, describe, expect, it } from 'vitest'
import {
  currentPresentMode,
  nextStage,
  PATH_STAGES,
  setPresentStage,
  setPresenting,
  setRevealed,
} from './present-mode'

afterEach(() => setPresenting(false))

describe('classroom mode', () => {
  it('walks the path forward and back, clamped at both ends', () => {
    expect(nextStage(null, 1)).toBe('source')
    expect(nextStage('source', -1)).toBe('source')
    expect(nextStage('connector', 1)).toBe('inbound')
    expect(nextStage('target', 1)).toBe('target')
    expect(PATH_STAGES).toEqual(['source', 'connector', 'inbound', 'metaverse', 'outbound', 'target'])
  })

  it('hides answers while presenting until revealed, and shows everything when it stops', () => {
    expect(currentPresentMode()).toEqual({ present: false, revealed: true, stage: null })

    setPresenting(true)
    expect(currentPresentMode()).toEqual({ present: true, revealed: false, stage: null })
    setPresentStage('inbound')
    setRevealed(true)
    expect(currentPresentMode()).toEqual({ present: true, revealed: true, stage: 'inbound' })

    setPresenting(false)
    setRevealed(false)
    expect(currentPresentMode()).toEqual({ present: false, revealed: true, stage: null })
  })
})
