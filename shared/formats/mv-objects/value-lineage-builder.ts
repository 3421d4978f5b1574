import type { ValueLineage } from '../../model/objects'
import { guidOrText } from '../csexport/csexport-values'
import { MV_OBJECTS } from './mv-objects-names'

const N = MV_OBJECTS.ids

/** One lineage with every field empty, shared by values that carry none. */
export const NO_LINEAGE: ValueLineage = Object.freeze({
  lineageId: null,
  connectorId: null,
  connectorName: null,
  syncRuleName: null,
  time: null,
})

/** Collects the lineage attributes of a value (or the defaults of its attribute), accepting the plausible spellings. */
export class ValueLineageBuilder {
  private lineageId: string | null = null
  private connectorId: string | null = null
  private connectorName: string | null = null
  private syncRuleName: string | null = null
  private time: string | null = null

  /** Starts from another lineage (the attribute's defaults) or from nothing. */
  public reset(from: ValueLineage = NO_LINEAGE): void {
    this.lineageId = from.lineageId
    this.connectorId = from.connectorId
    this.connectorName = from.connectorName
    this.syncRuleName = from.syncRuleName
    this.time = from.time
  }

  /** Takes one attribute; false when the name is not a lineage field. */
  public field(nameId: number, raw: string): boolean {
    const text = raw.trim()
    const value = text === '' ? null : text
    switch (nameId) {
      case N.lineageId:
        this.lineageId = guidOrText(text)
        return true
      case N.lineageMaId:
      case N.lineageMaGuid:
      case N.maId:
      case N.maGuid:
        this.connectorId = guidOrText(text)
        return true
      case N.lineageMaName:
      case N.maName:
        this.connectorName = value
        return true
      case N.lineageSyncRule:
      case N.lineageSyncRuleName:
      case N.lineageRule:
      case N.syncRuleName:
      case N.syncRule:
        this.syncRuleName = value
        return true
      case N.lineageTime:
      case N.lastModificationTime:
      case N.lineageLastModificationTime:
        this.time = value
        return true
      default:
        return false
    }
  }

  /** The lineage collected, sharing NO_LINEAGE when empty. */
  public build(): ValueLineage {
    if (
      this.lineageId === null &&
      this.connectorId === null &&
      this.connectorName === null &&
      this.syncRuleName === null &&
      this.time === null
    ) {
      return NO_LINEAGE
    }
    return {
      lineageId: this.lineageId,
      connectorId: this.connectorId,
      connectorName: this.connectorName,
      syncRuleName: this.syncRuleName,
      time: this.time,
    }
  }
}
