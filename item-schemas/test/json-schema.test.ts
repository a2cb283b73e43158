import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { itemDefinitionJsonSchema } from '../src';
import { templates } from '../src/templates';

// Others validate item files with the exported JSON Schema, using any draft-07 validator.
const validate = new Ajv({ strict: false, allErrors: true }).compile(itemDefinitionJsonSchema());

describe('the item model as JSON Schema', () => {
  it('accepts every template', () => {
    for (const template of templates) expect(validate(template), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a file missing its name or with an unknown item type', () => {
    const { name: _, ...nameless } = structuredClone(templates[0]!);
    expect(validate(nameless)).toBe(false);
    expect(validate({ ...templates[0], itemType: '99' })).toBe(false);
  });

  it('carries Chinese titles, and coded values as labelled choices for the editor', () => {
    const schema = itemDefinitionJsonSchema() as any;
    expect(schema.title).toBe('事项定义');
    expect(schema.properties.name.title).toBe('事项名称');
    expect(schema.properties.itemType.oneOf[0]).toEqual({ const: '01', title: '行政许可' });
    expect(JSON.stringify(schema)).not.toContain('"labels"');
  });

  it('in English: titles, descriptions and coded values in English, the same shape', () => {
    const schema = itemDefinitionJsonSchema('en') as any;
    expect(schema.properties.name.title).toBe('Item name');
    expect(schema.properties.itemType.oneOf[0]).toEqual({ const: '01', title: 'Administrative licence' });
    expect(schema.properties.legalLimit.description).toBe('Leave empty when no law sets one');
    // Chinese only for the terms of art kept in brackets, e.g. "Obtained by sharing (免交)".
    const words = JSON.stringify(schema).match(/"(title|description)":"[^"]*"/g)!;
    expect(words.filter((w) => /\p{Script=Han}/u.test(w.replace(/\([^)]*\)/g, '')))).toEqual([]);
    const strip = (node: unknown): unknown =>
      Array.isArray(node) ? node.map(strip) : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'title' && k !== 'description').map(([k, v]) => [k, strip(v)])) : node;
    expect(strip(schema)).toEqual(strip(itemDefinitionJsonSchema()));
  });
});
