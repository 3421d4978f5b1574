/** No value yet: shared, never written (see `ValueCollector.reset`). */
const NO_STRINGS: string[] = []
const NO_BOUNDS: number[] = []

/**
 * The values of the attribute being read, for both object formats. While every value came as plain ASCII bytes
 * (`ObjectSinkBase.asciiText`), it holds their bounds in the object's value bytes; from the first value that came as
 * text, it holds strings, those before it made into strings first. Each array is made when a value first needs it,
 * and handed over with the attribute: `reset` starts the next attribute with none.
 */
export class ValueCollector {
  private strings: string[] = NO_STRINGS
  private bounds: number[] = NO_BOUNDS

  /** `textAt` gives the text of a range of the object's value bytes. */
  public constructor(private readonly textAt: (start: number, end: number) => string) {}

  /** Starts the next attribute. */
  public reset(): void {
    this.strings = NO_STRINGS
    this.bounds = NO_BOUNDS
  }

  /** Number of values so far. */
  public get count(): number {
    return this.strings.length + this.bounds.length / 2
  }

  /** Adds a value that came as the plain ASCII at `[start, end)` of the object's value bytes. */
  public addAscii(start: number, end: number): void {
    if (this.strings.length > 0) this.strings.push(this.textAt(start, end))
    else {
      if (this.bounds === NO_BOUNDS) this.bounds = []
      this.bounds.push(start, end)
    }
  }

  /** Adds a value that came as text. */
  public addText(value: string): void {
    this.makeTexts()
    this.strings.push(value)
  }

  /** The bounds of every value, when all came as bytes; null when there are none or some came as text. */
  public get asciiBounds(): number[] | null {
    return this.bounds.length > 0 ? this.bounds : null
  }

  /** Every value as a string (those kept as bytes made into strings). */
  public texts(): string[] {
    this.makeTexts()
    return this.strings
  }

  /** Makes the array of strings, with the values kept as bytes so far made into strings. */
  private makeTexts(): void {
    if (this.strings === NO_STRINGS) this.strings = []
    if (this.bounds.length === 0) return
    for (let index = 0; index < this.bounds.length; index += 2)
      this.strings.push(this.textAt(this.bounds[index] ?? 0, this.bounds[index + 1] ?? 0))
    this.bounds = NO_BOUNDS
  }
}
