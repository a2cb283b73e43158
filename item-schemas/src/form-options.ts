import { enumOptionValueDecoder, getOptionValueFormat, getUiOptions, isConstant, optionsList, type EnumOptionsType, type RJSFSchema, type UiSchema } from '@rjsf/utils';

/**
 * 选项与控件：与申请页的渲染一致 / The choices a field offers and how its widget posts them, worked
 * out with react-jsonschema-form's own functions, so what the page posts is read back exactly as
 * it was rendered (an index for radios, selects and check boxes; the option's value after it).
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A single choice as rjsf draws one: `enum`, or `oneOf`/`anyOf` whose every option is a constant (`const` or a one-value `enum`). */
export function isChoice(schema: Schema): boolean {
  if (Array.isArray(schema.enum)) return true;
  const alternatives = schema.oneOf ?? schema.anyOf;
  return Array.isArray(alternatives) && alternatives.length > 0 && alternatives.every((a) => isObject(a) && isConstant(a as RJSFSchema));
}

/** A multiple choice (check boxes or a multi-select): unique items that are each a choice. */
export function isMultipleChoice(schema: Schema): boolean {
  return schema.uniqueItems === true && isObject(schema.items) && isChoice(schema.items);
}

/** The type rjsf renders a field as: its own, else guessed from its choices' values. */
export function fieldType(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (schema.type === undefined && isObject(schema.properties)) return 'object';
  if (schema.type === undefined && schema.items !== undefined) return 'array';
  return undefined;
}

const YES_NO: EnumOptionsType[] = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

/** The options of a choice or a yes/no field, in the order its widget numbers them (BooleanField's rules for yes/no). */
export function choiceOptions(schema: Schema, ui: Schema): EnumOptionsType[] | undefined {
  if (fieldType(schema) === 'boolean') {
    if (Array.isArray(schema.oneOf)) return optionsList({ oneOf: schema.oneOf } as RJSFSchema, ui as UiSchema);
    const values = Array.isArray(schema.enum) ? schema.enum : [true, false];
    if (!getUiOptions(ui as UiSchema).enumNames && values.length === 2 && values.every((v) => typeof v === 'boolean')) {
      return values.map((value) => YES_NO.find((o) => o.value === value)!);
    }
    return optionsList({ enum: values } as RJSFSchema, ui as UiSchema);
  }
  return isChoice(schema) ? optionsList(schema as RJSFSchema, ui as UiSchema) : undefined;
}

/** Formats rjsf draws with a widget of their own (a text box otherwise). */
const FORMAT_WIDGETS = new Set(['email', 'uri', 'date', 'time', 'date-time', 'password', 'data-url', 'color']);

/** The widget a field is drawn with: the uiSchema's, else rjsf's default for its kind and format. */
export function widgetOf(schema: Schema, ui: Schema): string {
  const widget = getUiOptions(ui as UiSchema).widget;
  if (typeof widget === 'string') return widget;
  if (fieldType(schema) === 'boolean') return 'checkbox';
  if (isChoice(schema)) return 'select';
  return fieldType(schema) === 'string' && typeof schema.format === 'string' && FORMAT_WIDGETS.has(schema.format) ? schema.format : 'text';
}

/** The value a posted option stands for (undefined when it stands for none). */
export function decodeOption(raw: string, options: EnumOptionsType[], ui: Schema): unknown {
  return enumOptionValueDecoder(raw, options, getOptionValueFormat(getUiOptions(ui as UiSchema)), undefined);
}
