import type { Condition, FileRef, ItemDefinitionInput } from '@onevisit/item-schemas';

/**
 * An item's draft as the editor holds it: the model's input, filled in over time, so any part may
 * be missing — a blank item has only its name, the model's own form leaves a department without
 * its code, a limit keeps its unit before its days are typed. The model is enforced at publish.
 */
export type Definition = Partly<ItemDefinitionInput>;

/**
 * Every field optional, all the way down, except what is written whole: a condition (the builder
 * writes a comparison with an empty field until one is picked), a file (named by its upload), and
 * the entries of a map (the form's schema, its conditions by field).
 */
type Partly<T> = T extends Condition | FileRef
  ? T
  : T extends readonly (infer E)[]
    ? Partly<E>[]
    : T extends object
      ? string extends keyof T
        ? T
        : { [K in keyof T]?: Partly<T[K]> }
      : T;
