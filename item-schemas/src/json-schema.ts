import { z } from 'zod';
import { itemDefinition } from './model/item';

/**
 * The item model as JSON Schema (draft-07): the editor renders item definitions with
 * react-jsonschema-form from it, and others can validate item files with it. Coded values
 * become `oneOf` of `const` with their Chinese title, the form rjsf shows as labelled choices.
 */
export function itemDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(itemDefinition, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const node = jsonSchema as Record<string, unknown>;
      const labels = node.labels as Record<string, readonly [string, string]> | undefined;
      if (!labels) return;
      delete node.labels;
      if (Array.isArray(node.enum)) {
        node.oneOf = node.enum.map((value: string) => ({ const: value, title: labels[value]?.[0] ?? value }));
        delete node.enum;
      }
    },
  }) as Record<string, unknown>;
}
