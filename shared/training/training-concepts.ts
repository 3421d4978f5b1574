/** Short explanations of the sync concepts, for the training views (our own words). */
import type { TrainingConcept } from './training-cases'

/** One concept: its title and a few sentences a trainer can read out. */
export interface ConceptText {
  readonly concept: TrainingConcept
  readonly title: string
  readonly text: string
}

/** The concepts in the order a course presents them. */
export const TRAINING_CONCEPTS: readonly ConceptText[] = [
  {
    concept: 'connector-space',
    title: 'Connector space',
    text: 'Each connector keeps a staging copy of the objects it reads from its directory: the connector space. Only the attributes selected on the connector are imported into it, and only objects in the selected partitions and OUs. Nothing reaches the metaverse that is not first in a connector space.',
  },
  {
    concept: 'metaverse',
    title: 'Metaverse',
    text: "The metaverse is the sync service's own combined view of each person, group or device, built from every connector space linked to it. Each value remembers which rule and connector contributed it. It changes only when a synchronization runs.",
  },
  {
    concept: 'inbound',
    title: 'Inbound rules',
    text: 'Inbound rules carry values from a connector space into the metaverse (seen from the metaverse, values come in). A value flows only if an enabled inbound rule for that connector and object type maps it, and only rules whose scope matches the object take part.',
  },
  {
    concept: 'outbound',
    title: 'Outbound rules',
    text: 'Outbound rules carry values from the metaverse to a target connector space, such as Entra ID. An attribute present in the metaverse still stops there if no outbound rule to the target maps it, or if the target connector does not select it.',
  },
  {
    concept: 'scoping',
    title: 'Scoping filters',
    text: 'A scoping filter decides which objects a rule applies to: clauses in a group must all hold, and any one group is enough. When no group holds, the rule is out of scope and none of its mappings run. cloudFiltered is a special case: objects with cloudFiltered = True never go to Entra ID.',
  },
  {
    concept: 'join',
    title: 'Join and provisioning',
    text: 'A connector-space object is linked to a metaverse object either by a join rule finding exactly one match, or by projection (Provision) creating a new one. Outbound, a Provision rule in scope creates the object in the target connector space; without it there is nothing there to receive values.',
  },
  {
    concept: 'precedence',
    title: 'Precedence',
    text: "When several rules map the same attribute, the one with the lowest precedence number that contributes a value wins; the others are overridden. Contoso's own rules use numbers below 100 so they win over the defaults.",
  },
  {
    concept: 'expressions',
    title: 'Expressions',
    text: 'A mapping can compute its value with an expression. NULL contributes nothing and lets the next rule try; IgnoreThisFlow also contributes nothing but keeps the existing value; AuthoritativeNull blanks the value and stops lower rules; Error() fails the whole object.',
  },
  {
    concept: 'export',
    title: 'Export',
    text: 'Synchronization only stages changes in the target connector space as pending exports; the export run sends them, and the next import confirms them. Until then the target shows the old value, and if the target refuses a change, the object carries an export error instead.',
  },
]
