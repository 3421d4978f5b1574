import { describe, expect, it } from 'vitest'
import {
  canGoBack,
  canGoForward,
  currentRoute,
  goBack,
  goForward,
  HISTORY_LIMIT,
  historyAt,
  historyKey,
  INITIAL_HISTORY,
  navigateTo,
  replaceRoute,
  routeKey,
  type Route,
} from './navigation'

const search: Route = { view: 'search' }
const object: Route = { view: 'object', target: { mvId: 'a1' }, attribute: 'title' }

describe('navigation history', () => {
  it('starts on Metaverse Search with nowhere to go', () => {
    expect(currentRoute(INITIAL_HISTORY)).toEqual({ view: 'search' })
    expect(currentRoute(historyAt({ view: 'training' }))).toEqual({ view: 'training' })
    expect(canGoBack(INITIAL_HISTORY)).toBe(false)
    expect(canGoForward(INITIAL_HISTORY)).toBe(false)
  })

  it('goes back and forward through visited routes', () => {
    const visited = navigateTo(navigateTo(historyAt({ view: 'rules' }), search), object)

    const back = goBack(visited)
    const forward = goForward(back)

    expect(currentRoute(back)).toEqual(search)
    expect(currentRoute(goBack(back))).toEqual({ view: 'rules' })
    expect(currentRoute(forward)).toEqual(object)
    expect(goForward(forward)).toBe(forward)
    expect(goBack(INITIAL_HISTORY)).toBe(INITIAL_HISTORY)
  })

  it('drops the forward entries when a new route is opened after going back', () => {
    const history = navigateTo(goBack(navigateTo(navigateTo(historyAt({ view: 'rules' }), search), object)), {
      view: 'cs-search',
    })

    expect(history.entries.map((route) => route.view)).toEqual(['rules', 'search', 'cs-search'])
    expect(canGoForward(history)).toBe(false)
  })

  it('adds no entry for the route already shown', () => {
    const once = navigateTo(INITIAL_HISTORY, object)
    expect(navigateTo(once, { ...object })).toBe(once)
  })

  it('replaces the shown route without growing the history', () => {
    const history = replaceRoute(navigateTo(INITIAL_HISTORY, object), { ...object, attribute: 'mail' })

    expect(history.entries).toHaveLength(2)
    expect(currentRoute(history)).toEqual({ ...object, attribute: 'mail' })
  })

  it('keeps at most HISTORY_LIMIT entries', () => {
    let history = INITIAL_HISTORY
    for (let i = 0; i < HISTORY_LIMIT + 10; i++)
      history = navigateTo(history, { view: 'rules', ruleId: `r${i}` })

    expect(history.entries).toHaveLength(HISTORY_LIMIT)
    expect(history.index).toBe(HISTORY_LIMIT - 1)
    expect(currentRoute(history)).toEqual({ view: 'rules', ruleId: `r${HISTORY_LIMIT + 9}` })
  })

  it('tells routes apart by target kind, attribute and diagnosis', () => {
    const keys = new Set(
      [
        object,
        { ...object, diagnose: true },
        { view: 'object', target: { csId: 'a1' }, attribute: 'title' } as const,
        { view: 'rules', ruleId: 'x' } as const,
        { view: 'training' } as const,
      ].map(routeKey),
    )
    expect(keys.size).toBe(5)
  })
})

describe('historyKey', () => {
  it.each([
    [{ key: 'ArrowLeft', altKey: true, ctrlKey: false, metaKey: false }, 'back'],
    [{ key: 'ArrowRight', altKey: true, ctrlKey: false, metaKey: false }, 'forward'],
    [{ key: 'BrowserBack', altKey: false, ctrlKey: false, metaKey: false }, 'back'],
    [{ key: 'ArrowLeft', altKey: false, ctrlKey: false, metaKey: false }, null],
    [{ key: 'ArrowLeft', altKey: true, ctrlKey: true, metaKey: false }, null],
  ] as const)('%o -> %s', (event, expected) => {
    expect(historyKey(event)).toBe(expected)
  })
})
