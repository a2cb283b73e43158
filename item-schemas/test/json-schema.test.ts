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
});
