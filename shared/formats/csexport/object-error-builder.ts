import type { ObjectError } from '../../model/objects'
import { CSEXPORT } from './csexport-names'
import { integerOf } from './csexport-values'

const N = CSEXPORT.ids

/**
 * Collects an import or export error from whichever shape the file uses: the fields may be
 * attributes or child elements, at any depth (`import-status/...`, `export-status/cd-error/...`,
 * `export-error[@date-occurred]/cd-error/...`).
 */
export class ObjectErrorBuilder {
  private kind: ObjectError['kind'] = 'import'
  private name: string | null = null
  private type: string | null = null
  private code: string | null = null
  private message: string | null = null
  private detail: string | null = null
  private callStack: string | null = null
  private step: string | null = null
  private firstOccurred: string | null = null
  private lastOccurred: string | null = null
  private retryCount: number | null = null

  /** Starts a new error. */
  public begin(kind: ObjectError['kind']): void {
    this.kind = kind
    this.name = null
    this.type = null
    this.code = null
    this.message = null
    this.detail = null
    this.callStack = null
    this.step = null
    this.firstOccurred = null
    this.lastOccurred = null
    this.retryCount = null
  }

  /**
   * Records a field given as an element's text or an attribute's value. Returns false when the name
   * is not an error field (the caller keeps it as an unknown part) and true for structural names.
   */
  public field(nameId: number, raw: string): boolean {
    const text = raw.trim()
    switch (nameId) {
      case N.errorName:
        this.name ??= nonEmpty(text)
        return true
      case N.errorType:
        this.type ??= nonEmpty(text)
        return true
      case N.errorCode:
        this.code ??= nonEmpty(text)
        return true
      case N.errorLiteral:
        this.message ??= nonEmpty(text)
        return true
      case N.serverErrorDetail:
        this.detail ??= nonEmpty(text)
        return true
      case N.callStack:
        this.callStack ??= nonEmpty(text)
        return true
      case N.algorithmStep:
        this.step ??= nonEmpty(text)
        return true
      case N.dateOccurred:
        this.lastOccurred ??= nonEmpty(text)
        return true
      case N.firstOccurred:
        this.firstOccurred ??= nonEmpty(text)
        return true
      case N.retryCount:
        this.retryCount ??= integerOf(text)
        return true
      case N.importStatus:
      case N.exportStatus:
      case N.cdError:
      case N.importError:
      case N.exportError:
      case N.importErrorDetail:
      case N.exportErrorDetail:
      case N.rulesErrorInfo:
      case N.extensionErrorInfo:
        return true
      default:
        return false
    }
  }

  /** The finished error. */
  public finish(): ObjectError {
    const name = this.name ?? this.type ?? `${this.kind}-error`
    return {
      kind: this.kind,
      name,
      code: this.code,
      message: this.message ?? this.name ?? this.type ?? '',
      detail: this.detail ?? this.callStack,
      step: this.step,
      firstOccurred: this.firstOccurred,
      lastOccurred: this.lastOccurred,
      retryCount: this.retryCount,
    }
  }
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text
}
