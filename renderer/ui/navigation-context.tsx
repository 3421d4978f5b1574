import { createContext, useContext } from 'react'
import type { Route } from './navigation'

/** Opens a route; `replace` swaps the shown route instead of adding a history entry. */
export type Navigate = (route: Route, options?: { readonly replace?: boolean }) => void

const NavigateContext = createContext<Navigate | null>(null)

/** Provides `navigate` to every view below it. */
export const NavigateProvider = NavigateContext.Provider

/** The app's `navigate`: any view (or the training panel) opens another view through it. */
export function useNavigate(): Navigate {
  const navigate = useContext(NavigateContext)
  if (!navigate) throw new Error('useNavigate() needs a <NavigateProvider> above it.')
  return navigate
}
