import { Component, type ErrorInfo, type ReactNode } from 'react'
import { errorDetails } from '../../shared/model/error-data'
import { copyText } from './clipboard'

interface Props {
  /** What the boundary guards, for the message ("The Sync Rules view stopped"). */
  readonly label: string
  readonly children: ReactNode
  /** Told of every error caught, with the details a support request needs. */
  readonly onError?: (details: string) => void
}

interface State {
  readonly error: unknown
  readonly componentStack: string
  readonly copied: boolean
}

const CLEAR: State = { error: null, componentStack: '', copied: false }

/**
 * Keeps one view's failure inside that view: the rest of the window goes on working, the user reads what
 * stopped, can copy the details for a support request and try the view again.
 */
export class ErrorBoundary extends Component<Props, State> {
  public override state: State = CLEAR

  public static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('Unknown error'), copied: false }
  }

  public override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const componentStack = info.componentStack ?? ''
    this.setState({ componentStack })
    this.props.onError?.(detailsOf(this.props.label, error, componentStack))
  }

  public override render(): ReactNode {
    const { error, componentStack, copied } = this.state
    if (error === null) return this.props.children
    const message = error instanceof Error ? error.message : String(error)
    return (
      <div className="error-boundary" role="alert">
        <h2>{this.props.label} stopped</h2>
        <p>
          Something in this view failed: <span className="error-boundary__message">{message}</span>. The rest
          of SyncLens still works. Copy the details into a support request, then try the view again.
        </p>
        <div className="error-boundary__actions">
          <button
            type="button"
            onClick={() => {
              copyText(detailsOf(this.props.label, error, componentStack))
              this.setState({ copied: true })
            }}
          >
            {copied ? 'Details copied' : 'Copy details'}
          </button>
          <button type="button" onClick={() => this.setState(CLEAR)}>
            Try again
          </button>
        </div>
      </div>
    )
  }
}

/** The text "Copy details" puts on the clipboard: where, what, and the stacks. */
export function detailsOf(label: string, error: unknown, componentStack: string): string {
  const lines = [`SyncLens: ${label} stopped`, errorDetails(error)]
  if (componentStack.trim() !== '') lines.push(`Component stack:${componentStack}`)
  return lines.join('\n')
}
