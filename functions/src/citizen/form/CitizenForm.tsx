import Form, { getDefaultRegistry } from '@rjsf/core';
import { listMinimum, withListEntries } from '@onevisit/item-schemas/rules';
import { bracketNameGenerator, getUiOptions, type ArrayFieldItemTemplateProps, type ArrayFieldTemplateProps, type BaseInputTemplateProps, type ErrorSchema, type FieldTemplateProps, type IconButtonProps, type RJSFSchema, type UiSchema, type Widget, type WidgetProps } from '@rjsf/utils';
import { formValidator } from './form-validator';
import type { ReactNode } from 'react';
import { inputHints } from './input-hints';

/**
 * The intake form as applicants get it: react-jsonschema-form's own renderer, with bracketed
 * field names so the form posts without JavaScript. The server renders it; the editor's preview
 * and the page script render the same component.
 */
export interface CitizenFormProps {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  answers: Record<string, unknown>;
  /** Errors by field, from the server's validation, shown next to each field. */
  errors?: ErrorSchema;
  /** Fields hidden by their visibility conditions for the current answers. */
  hidden?: readonly string[];
  /**
   * Conditional fields by path, with their condition in words (「是否网络经营」为「是」时填写), said
   * under the title: a page without JavaScript shows every field, so the applicant knows which to answer.
   */
  conditions?: Readonly<Record<string, string>>;
  onChange?: (answers: Record<string, unknown>) => void;
  /** Where and how to post, for the server-rendered page. */
  post?: { action: string };
  /** The language of the list buttons (添加一项 / 删除). */
  lang?: 'zh' | 'en';
  children?: ReactNode;
}

/** Marks fields hidden by their conditions; the page script shows them again when the answers change. */
export function hideFields(uiSchema: UiSchema, hidden: readonly string[]): UiSchema {
  const next: UiSchema = { ...uiSchema };
  for (const path of hidden.filter((h) => !h.includes('.'))) {
    const own = (uiSchema[path] ?? {}) as Record<string, unknown>;
    next[path] = { ...own, 'ui:classNames': `${own['ui:classNames'] ?? ''} is-hidden`.trim() };
  }
  return next;
}

const { BaseInputTemplate: BaseInput, FieldTemplate, ArrayFieldTemplate: DefaultArrayTemplate, ArrayFieldItemTemplate: DefaultListEntry } = getDefaultRegistry().templates;
const { CheckboxWidget, CheckboxesWidget, RadioWidget, SelectWidget } = getDefaultRegistry().widgets as Record<'CheckboxWidget' | 'CheckboxesWidget' | 'RadioWidget' | 'SelectWidget', Widget>;

/*
 * Markers posted before a control that posts nothing when left empty, so the server tells "left
 * empty" (false, no choice) from "not on the page": an unticked check box is then false and a
 * multiple choice with nothing ticked is [] (form-post.ts reads them).
 */
function YesNoCheckbox(props: WidgetProps) {
  return (
    <>
      {props.htmlName && !props.disabled && !props.readonly && <input type="hidden" name={props.htmlName} value="false" />}
      <CheckboxWidget {...props} />
    </>
  );
}

function withEmptyMarker(Widget: Widget) {
  return function MarkedChoices(props: WidgetProps) {
    return (
      <>
        {props.multiple && props.htmlName && !props.disabled && !props.readonly && <input type="hidden" name={props.htmlName} value="" />}
        <Widget {...props} />
      </>
    );
  };
}
/** A yes-or-no question asked with radio buttons says 是 / 否 on a Chinese page (rjsf's own labels are Yes and No). */
function YesNoRadio(props: WidgetProps) {
  const zh = ((props.registry.formContext as Context | undefined)?.lang ?? 'zh') === 'zh';
  const words = new Map<unknown, string>([
    ['Yes', '是'],
    ['No', '否'],
  ]);
  const enumOptions = zh ? props.options.enumOptions?.map((o) => ({ ...o, label: words.get(o.label) ?? o.label })) : props.options.enumOptions;
  return <RadioWidget {...props} options={{ ...props.options, ...(enumOptions ? { enumOptions } : {}) }} />;
}

const widgets = { CheckboxWidget: YesNoCheckbox, CheckboxesWidget: withEmptyMarker(CheckboxesWidget), RadioWidget: YesNoRadio, SelectWidget: withEmptyMarker(SelectWidget) };

type Context = { conditions?: Record<string, string>; lang?: 'zh' | 'en'; action?: string };

/** An entry of a list: only its fields; the list draws its 删除 button (rjsf's own are client-side only). */
function CitizenListEntry(props: ArrayFieldItemTemplateProps) {
  // The editor's live preview (no post) keeps rjsf's own buttons.
  if (!(props.registry.formContext as Context | undefined)?.action) return <DefaultListEntry {...props} />;
  return <>{props.children}</>;
}

/**
 * 重复填写的一组（GOV.UK "add another"）：「添加一项」「删除」是提交按钮（_action=add:路径 /
 * remove:路径:序号），无脚本时回到本页多一项或少一项；页面脚本就地完成同样的事。Buttons beyond
 * min/maxItems are rendered hidden, for the script to show.
 */
function CitizenList(props: ArrayFieldTemplateProps) {
  const { schema, fieldPathId, items, required, registry, title, uiSchema } = props;
  const itemSchema = schema.items;
  const { lang = 'zh', action } = (registry.formContext ?? {}) as Context;
  if (!action || typeof itemSchema !== 'object' || Array.isArray(itemSchema) || itemSchema.enum) return <DefaultArrayTemplate {...props} />;
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const path = fieldPathId.path.join('.');
  const min = listMinimum(schema as Record<string, unknown>, required === true);
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const name = (uiSchema?.['ui:title'] as string | undefined) ?? title ?? '';
  const id = fieldPathId.$id;
  // Back at the list after the round trip, not at the top of the page.
  const formAction = `${action}#${id}`;
  return (
    <fieldset className={props.className} id={id} data-list={path} data-min={min} data-max={Number.isFinite(max) ? max : ''}>
      {/* The list is on the page even with no entry: it posts [] then. */}
      <input type="hidden" name={fieldPathId.name} value="" />
      <legend id={`${id}__title`}>
        {name}
        {required && <span className="required">*</span>}
      </legend>
      {schema.description && <p className="field-description">{schema.description}</p>}
      {items.map((item, i) => (
        // rjsf titles each entry itself (股东(投资人)-1).
        <div key={i} className="list-entry">
          {/* The entry is posted even when none of its fields is (radios left unpicked post nothing). */}
          <input type="hidden" name={`${fieldPathId.name}[${i}][]`} value="" />
          {item}
          <button type="submit" className="btn list-remove" name="_action" value={`remove:${path}:${i}`} formAction={formAction} hidden={items.length <= min}>
            {t('删除', 'Remove')}
          </button>
        </div>
      ))}
      <button type="submit" className="btn list-add" name="_action" value={`add:${path}`} formAction={formAction} hidden={items.length >= max}>
        {t('添加一项', 'Add another')}
      </button>
    </fieldset>
  );
}

/**
 * The editor's preview keeps rjsf's list buttons, which draw Bootstrap icons the page does not
 * load: empty boxes titled in English. They say what they do instead, in the page's language.
 */
function wordButton(zh: string, en: string, kind = '') {
  return function WordButton({ icon: _icon, iconType: _type, className, uiSchema: _ui, registry, ...button }: IconButtonProps) {
    const { lang = 'zh' } = (registry.formContext ?? {}) as Context;
    return (
      <button type="button" {...button} className={`btn ${kind} ${className ?? ''}`.trim()}>
        {lang === 'zh' ? zh : en}
      </button>
    );
  };
}
const buttons = {
  AddButton: wordButton('添加一项', 'Add another', 'list-add'),
  RemoveButton: wordButton('删除', 'Remove', 'list-remove'),
  MoveUpButton: wordButton('上移', 'Move up'),
  MoveDownButton: wordButton('下移', 'Move down'),
  CopyButton: wordButton('复制', 'Copy'),
};

/** rjsf's own input, with the keyboard and autofill hints its format calls for (props it does not use reach the input). */
function CitizenInput(props: BaseInputTemplateProps) {
  return <BaseInput {...props} {...(inputHints(props.schema.format) as object)} />;
}

/** rjsf's own field, with its condition in words (from the form context) under the title. */
function CitizenField(props: FieldTemplateProps) {
  const conditions = (props.registry.formContext as Context | undefined)?.conditions;
  const when = conditions?.[props.fieldPathId.path.join('.')];
  if (!when) return <FieldTemplate {...props} />;
  // Read with the field: it describes the control unless the field has a description of its own.
  const line = (
    <div className="field-condition" {...(props.rawDescription ? {} : { id: `${props.id}__description` })}>
      {when}
    </div>
  );
  // A labelled field shows it between label and input; groups and single checkboxes carry their title inside, so it comes first.
  if (props.displayLabel && getUiOptions(props.uiSchema).widget !== 'checkbox') return <FieldTemplate {...props} description={<>{line}{props.rawDescription ? props.description : null}</>} />;
  return (
    <FieldTemplate {...props}>
      <>
        {line}
        {props.children}
      </>
    </FieldTemplate>
  );
}

export function CitizenForm({ schema, uiSchema, answers, errors, hidden = [], conditions, onChange, post, lang, children }: CitizenFormProps) {
  return (
    <>
      {/* Enter in a field submits with the form's first submit button: the application, not a list's 添加一项. */}
      {post && <button type="submit" form="citizen-form" className="default-submit" tabIndex={-1} aria-hidden="true" />}
    <Form
      id={post ? 'citizen-form' : undefined}
      className="citizen-form"
      schema={schema}
      uiSchema={{ ...hideFields(uiSchema, hidden), ...(children ? {} : { 'ui:submitButtonOptions': { norender: true } }) }}
      formData={withListEntries(schema as Record<string, unknown>, answers) as Record<string, unknown>}
      validator={formValidator}
      widgets={widgets}
      templates={{ BaseInputTemplate: CitizenInput, FieldTemplate: CitizenField, ArrayFieldTemplate: CitizenList, ArrayFieldItemTemplate: CitizenListEntry, ButtonTemplates: buttons }}
      formContext={{ conditions, lang, action: post?.action } satisfies Context}
      nameGenerator={bracketNameGenerator}
      extraErrors={errors}
      showErrorList={false}
      noHtml5Validate
      experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipDefaults' }}
      {...(post ? { action: post.action, method: 'post', enctype: 'multipart/form-data' } : {})}
      onChange={(event) => onChange?.((event.formData ?? {}) as Record<string, unknown>)}
    >
      {children}
    </Form>
    </>
  );
}
