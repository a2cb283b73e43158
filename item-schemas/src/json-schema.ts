import { z } from 'zod';
import { englishDescription, englishTitle } from './english-titles';
import { orderedCodes, type Labels } from './model/codes';
import { ZItemDefinition } from './model/item';

/**
 * The item model as JSON Schema (draft-07): the editor renders item definitions with
 * react-jsonschema-form from it, and others can validate item files with it. Coded values
 * become `oneOf` of `const` with their title, the form rjsf shows as labelled choices. Titles
 * are the model's Chinese; in English they come from the glossary, and a description without
 * English is left out rather than shown in Chinese under an English title.
 */
export function itemDefinitionJsonSchema(language: 'zh' | 'en' = 'zh'): Record<string, unknown> {
  const english = language === 'en';
  return z.toJSONSchema(ZItemDefinition, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const node = jsonSchema as Record<string, unknown>;
      if (english) {
        if (typeof node.title === 'string') node.title = englishTitle(node.title);
        if (typeof node.description === 'string') {
          const description = englishDescription(node.description);
          if (description) node.description = description;
          else delete node.description;
        }
      }
      const labels = node.labels as Labels<string> | undefined;
      if (!labels) return;
      delete node.labels;
      if (Array.isArray(node.enum)) {
        node.oneOf = orderedCodes(labels).map((value) => ({ const: value, title: labels[value]![english ? 1 : 0] }));
        delete node.enum;
      }
    },
  }) as Record<string, unknown>;
}

let cached: Record<string, unknown> | undefined;

/**
 * The title of the field at a JSON Pointer into an item definition ("/department/creditCode" →
 * "实施主体统一社会信用代码"), for messages that name what is wrong.
 */
export function itemFieldTitle(pointer: string): string | undefined {
  cached ??= itemDefinitionJsonSchema();
  let node: unknown = cached;
  let title: string | undefined;
  for (const part of pointer.split('/').slice(1)) {
    const n = node as { properties?: Record<string, unknown>; items?: unknown } | undefined;
    node = /^\d+$/.test(part) && n?.items ? n.items : n?.properties?.[part];
    const t = (node as { title?: unknown } | undefined)?.title;
    if (typeof t === 'string') title = t;
    if (!node) break;
  }
  return title;
}
