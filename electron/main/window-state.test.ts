import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, MIN_SIZE, parseWindowState, placeWindow } from './window-state'

const screen = { x: 0, y: 0, width: 1920, height: 1040 }

describe('parseWindowState', () => {
  it('reads a remembered state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    })
  })

  it.each([
    null,
    '',
    'not json',
    '[]',
    '{"x":1}',
    '{"x":"1","y":2,"width":3,"height":4}',
    '{"x":1e999,"y":2,"width":3,"height":4}',
  ])('ignores %j', (text) => {
    expect(parseWindowState(text)).toBeNull()
  })
})

describe('placeWindow', () => {
  it('opens a first window at the default size, placed by the OS', () => {
    expect(placeWindow(null, [screen])).toEqual(DEFAULT_SIZE)
  })

  it('reopens where it was when that is on a display', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, [screen])).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: false,
    })
  })

  it('keeps the size but lets the OS place a window whose display is gone', () => {
    expect(placeWindow({ x: 2500, y: 100, width: 1000, height: 700, maximized: true }, [screen])).toEqual({
      width: 1000,
      height: 700,
      maximized: true,
    })
  })

  it('never makes the window smaller than the layout needs', () => {
    expect(placeWindow({ x: 0, y: 0, width: 10, height: 10, maximized: false }, [screen])).toMatchObject(
      MIN_SIZE,
    )
  })
})
