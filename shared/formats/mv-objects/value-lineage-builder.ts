import type { ValueLineage } from '../../model/objects'
import type { TagValues } from '../csexport/tag-values'
import type { XmlTag } from '../../xml/fast/xml-sink'
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
  /** The lineage built last: consecutive values of an object mostly carry the same one, so it is handed out again. */
  private last: ValueLineage = NO_LINEAGE

  /** Starts from another lineage (the attribute's defaults) or from nothing. */
  public reset(from: ValueLineage = NO_LINEAGE): void {
    this.lineageId = from.lineageId
    this.connectorId = from.connectorId
    this.connectorName = from.connectorName
    this.syncRuleName = from.syncRuleName
    this.time = from.time
  }

  /** Takes attribute `index` of a tag; false when its name is not a lineage field. */
  public field(nameId: number, tag: XmlTag, index: number, values: TagValues): boolean {
    switch (nameId) {
      case N.lineageId:
        this.lineageId = values.guidOrText(tag, index)
        return true
      case N.lineageMaId:
      case N.lineageMaGuid:
      case N.maId:
      case N.maGuid:
        this.connectorId = values.guidOrText(tag, index)
        return true
      case N.lineageMaName:
      case N.maName:
        this.connectorName = values.trimmedOrNull(tag, index)
        return true
      case N.lineageSyncRule:
      case N.lineageSyncRuleName:
      case N.lineageRule:
      case N.syncRuleName:
      case N.syncRule:
        this.syncRuleName = values.trimmedOrNull(tag, index)
        return true
      case N.lineageTime:
      case N.lastModificationTime:
      case N.lineageLastModificationTime:
        this.time = values.trimmedOrNull(tag, index)
        return true
      default:
        return false
    }
  }

  /** The lineage collected, sharing NO_LINEAGE when empty and the previous lineage when equal to it. */
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
    const last = this.last
    if (
      this.lineageId === last.lineageId &&
      this.connectorId === last.connectorId &&
      this.connectorName === last.connectorName &&
      this.syncRuleName === last.syncRuleName &&
      this.time === last.time
    ) {
      return last
    }
    this.last = {
      lineageId: this.lineageId,
      connectorId: this.connectorId,
      connectorName: this.connectorName,
      syncRuleName: this.syncRuleName,
      time: this.time,
    }
    return this.last
  }
}
