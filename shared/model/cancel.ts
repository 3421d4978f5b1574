/** The part of AbortSignal shared/ relies on (shared/ has no DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean
}

/** Thrown by a load that was cancelled through its signal. */
export class LoadCancelled extends Error {
  public constructor() {
    super('Loading was cancelled.')
    this.name = 'LoadCancelled'
  }
}
