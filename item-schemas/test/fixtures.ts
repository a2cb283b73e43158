import type { ItemDefinitionInput } from '../src';
import { templates } from '../src/templates';

/** A fresh copy of a seed template, to change one thing at a time. */
export function template(id: string): ItemDefinitionInput {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return structuredClone(found) as ItemDefinitionInput;
}
