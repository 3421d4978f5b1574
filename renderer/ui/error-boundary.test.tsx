// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RemoteError } from '../../shared/model/error-data'
import { detailsOf, ErrorBoundary } from './error-boundary'

afterEach(cleanup)

let failing = true

function Fragile() {
  if (failing) throw new Error('grid row 7 has no id')
  return <p>All well</p>
}

describe('ErrorBoundary', () => {
  it('keeps a failing view inside its boundary, reports the details and tries again', () => {
    failing = true
    const reported: string[] = []
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)

    render(
      <div>
        <ErrorBoundary label="Metaverse Search" onError={(details) => reported.push(details)}>
          <Fragile />
        </ErrorBoundary>
        <p>The rest of the window</p>
      </div>,
    )

    expect(screen.getByRole('alert').textContent).toContain('Metaverse Search stopped')
    expect(screen.getByRole('alert').textContent).toContain('grid row 7 has no id')
    expect(screen.getByText('The rest of the window')).toBeTruthy()
    expect(reported).toHaveLength(1)
    expect(reported[0]).toMatch(/^SyncLens: Metaverse Search stopped\nError: grid row 7 has no id\n/)
    expect(reported[0]).toContain('Component stack:')

    failing = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))

    expect(screen.getByText('All well')).toBeTruthy()
    quiet.mockRestore()
  })

  it('puts the remote stack and the causes of a worker error in the details', () => {
    const error = new RemoteError({
      name: 'TypeError',
      message: 'row is undefined',
      stack: 'TypeError: row is undefined\n    at page (worker.js:10:5)',
      cause: { name: 'RangeError', message: 'offset out of range', code: 'E_RANGE' },
    })

    const details = detailsOf('The object view', error, '')

    expect(details).toBe(
      [
        'SyncLens: The object view stopped',
        'TypeError: row is undefined',
        '    at page (worker.js:10:5)',
        'Caused by: RangeError [E_RANGE]: offset out of range',
      ].join('\n'),
    )
  })
})
