import { describe, expect, it } from 'vitest';
import { answersFromPost, applyListAction, defaultAnswers, withListEntries } from '../src';

const schema = {
  type: 'object',
  properties: {
    kind: { type: 'string', oneOf: [{ const: 'person', title: '个人' }, { const: 'company', title: '企业' }] },
    agreed: { type: 'boolean', oneOf: [{ const: true, title: '是' }, { const: false, title: '否' }] },
    crops: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['小麦', '玉米', '水稻'] } },
    area: { type: 'number' },
    staff: { type: 'integer' },
    note: { type: 'string' },
    rep: { type: 'object', properties: { name: { type: 'string' }, mobile: { type: 'string' } } },
    owners: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, share: { type: 'number' } } } },
  },
};

describe('answers from a form posted without JavaScript', () => {
  it('reads bracketed names, option indexes, numbers and repeated entries back into typed answers', () => {
    const answers = answersFromPost({ schema, uiSchema: { agreed: { 'ui:widget': 'radio' } } }, {
      'root[kind]': '1',
      'root[agreed]': '0',
      'root[crops][]': ['0', '2'],
      'root[area]': '12.5',
      'root[staff]': '7',
      'root[note]': '',
      'root[rep][name]': '王五',
      'root[owners][0][name]': '甲',
      'root[owners][0][share]': '60',
      'root[owners][1][name]': '乙',
      'root[owners][1][share]': '40',
    });
    expect(answers).toEqual({
      kind: 'company',
      agreed: true,
      crops: ['小麦', '水稻'],
      area: 12.5,
      staff: 7,
      rep: { name: '王五' },
      owners: [
        { name: '甲', share: 60 },
        { name: '乙', share: 40 },
      ],
    });
  });

  it('leaves what it cannot read for validation to report', () => {
    expect(answersFromPost({ schema }, { 'root[area]': '十二', 'root[kind]': '9', 'root[crops][]': '0' })).toEqual({ area: '十二', kind: '9', crops: ['小麦'] });
  });

  it('reads a ticked lone checkbox as yes', () => {
    expect(answersFromPost({ schema: { type: 'object', properties: { ok: { type: 'boolean' } } } }, { 'root[ok]': ['false', 'on'] })).toEqual({ ok: true });
  });

  it('gives nothing for nothing posted', () => {
    expect(answersFromPost({ schema }, {})).toEqual({});
  });
});

describe('what the issue list found lost or corrupted', () => {
  const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });

  it('reads fields defined through a local $ref', () => {
    const form = object({ billing: { $ref: '#/definitions/address' } }, { definitions: { address: object({ city: { type: 'string' }, zip: { type: 'integer' } }) } });
    expect(answersFromPost({ schema: form }, { 'root[billing][city]': '杭州', 'root[billing][zip]': '310000' })).toEqual({ billing: { city: '杭州', zip: 310000 } });
  });

  it('reads choices by value however they are written: $ref, oneOf/anyOf of const or one-value enum, numbers', () => {
    const form = object(
      {
        size: { $ref: '#/definitions/size' },
        colour: { type: 'string', anyOf: [{ enum: ['red'], title: '红' }, { enum: ['blue'], title: '蓝' }] },
        level: { type: 'integer', enum: [3, 1, 2] },
        sorted: { type: 'string', enum: ['a', 'b', 'c'] },
      },
      { definitions: { size: { type: 'string', oneOf: [{ const: 'S' }, { const: 'M' }, { const: 'L' }] } } },
    );
    const ui = { sorted: { 'ui:enumOrder': ['c', '*'] } };
    expect(answersFromPost({ schema: form, uiSchema: ui }, { 'root[size]': '1', 'root[colour]': '1', 'root[level]': '0', 'root[sorted]': '0' })).toEqual({ size: 'M', colour: 'blue', level: 3, sorted: 'c' });
  });

  it('reads yes/no from a check box, radio buttons and a select, and an unticked box as no', () => {
    const form = object({ box: { type: 'boolean' }, radio: { type: 'boolean' }, select: { type: 'boolean' }, flipped: { type: 'boolean', enum: [false, true] } });
    const ui = { radio: { 'ui:widget': 'radio' }, select: { 'ui:widget': 'select' }, flipped: { 'ui:widget': 'radio' } };
    expect(answersFromPost({ schema: form, uiSchema: ui }, { 'root[box]': 'false', 'root[radio]': '1', 'root[select]': '0', 'root[flipped]': '1' })).toEqual({ box: false, radio: false, select: true, flipped: true });
  });

  it('keeps an empty multiple choice and an emptied list as [] when they were on the page', () => {
    const form = object({ crops: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['麦'] } }, staff: { type: 'array', items: object({ name: { type: 'string' } }) } });
    expect(answersFromPost({ schema: form }, { 'root[crops][]': '', 'root[staff]': '' })).toEqual({ crops: [], staff: [] });
  });

  it('takes locked fields from what was stored, else their default, never from the post', () => {
    const form = object({ fee: { type: 'number', readOnly: true, default: 50 }, code: { type: 'string' }, kept: { type: 'string' } });
    const ui = { code: { 'ui:disabled': true }, kept: { 'ui:widget': 'hidden' } };
    const post = { 'root[fee]': '0', 'root[code]': 'forged', 'root[kept]': 'forged' };
    expect(answersFromPost({ schema: form, uiSchema: ui }, post)).toEqual({ fee: 50 });
    expect(answersFromPost({ schema: form, uiSchema: ui }, post, { code: 'A-1', kept: 'k' })).toEqual({ fee: 50, code: 'A-1', kept: 'k' });
  });

  it('reads a time as rjsf stores it, and a textarea’s line breaks as typed', () => {
    const form = object({ at: { type: 'string', format: 'time' }, note: { type: 'string' } });
    expect(answersFromPost({ schema: form, uiSchema: { note: { 'ui:widget': 'textarea' } } }, { 'root[at]': '09:30', 'root[note]': '一\r\n二' })).toEqual({ at: '09:30:00', note: '一\n二' });
  });

  it('starts a blank application with the form’s defaults', () => {
    const form = object({ city: { type: 'string', default: '杭州' }, rep: object({ role: { type: 'string', default: '法定代表人' }, name: { type: 'string' } }), none: { type: 'string' } });
    expect(defaultAnswers(form)).toEqual({ city: '杭州', rep: { role: '法定代表人' } });
  });
});

describe('repeating groups (添加一项 / 删除 without JavaScript)', () => {
  const list = {
    type: 'object',
    required: ['investors'],
    properties: {
      investors: { type: 'array', maxItems: 3, items: { type: 'object', properties: { name: { type: 'string' } } } },
      group: { type: 'object', properties: { members: { type: 'array', minItems: 2, items: { type: 'object', properties: { name: { type: 'string' } } } } } },
    },
  };

  it('reads entries back in the order of their numbers, a blank one keeping its place', () => {
    expect(answersFromPost({ schema: list }, { 'root[investors][1][name]': '乙', 'root[investors][0][name]': '', 'root[investors][2][name]': '丙' })).toEqual({ investors: [{}, { name: '乙' }, { name: '丙' }] });
  });

  it('keeps an entry none of whose fields posted (its choices left unpicked) by the marker each entry posts', () => {
    const choices = { type: 'object', properties: { crops: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', oneOf: [{ const: 'rice', title: '水稻' }, { const: 'tea', title: '茶叶' }] }, organic: { type: 'boolean' } } } } } };
    const ui = { crops: { items: { kind: { 'ui:widget': 'radio' } } } };
    const posted = { 'root[crops]': '', 'root[crops][0][]': '', 'root[crops][0][kind]': '1', 'root[crops][1][]': '', 'root[crops][2][]': '', 'root[crops][2][kind]': '0' };
    expect(answersFromPost({ schema: choices, uiSchema: ui }, posted)).toEqual({ crops: [{ kind: 'tea' }, {}, { kind: 'rice' }] });
  });

  it('starts each list with its minimum: a required one with one entry, minItems with as many', () => {
    expect(withListEntries(list, {})).toEqual({ investors: [{}], group: { members: [{}, {}] } });
    expect(withListEntries(list, { investors: [{ name: '甲' }, { name: '乙' }] })).toMatchObject({ investors: [{ name: '甲' }, { name: '乙' }] });
  });

  it('adds up to maxItems and removes down to the minimum, nested lists by their dotted path', () => {
    const one = { investors: [{ name: '甲' }] };
    expect(applyListAction(list, one, 'add:investors').investors).toEqual([{ name: '甲' }, {}]);
    expect(applyListAction(list, one, 'remove:investors:0').investors).toEqual([{ name: '甲' }]); // required: one stays
    const three = { investors: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] };
    expect(applyListAction(list, three, 'add:investors').investors).toHaveLength(3);
    expect(applyListAction(list, three, 'remove:investors:1').investors).toEqual([{ name: '甲' }, { name: '丙' }]);
    expect((applyListAction(list, {}, 'add:group.members').group as { members: unknown[] }).members).toHaveLength(3);
    expect(applyListAction(list, one, 'add:nowhere')).toBe(one);
  });
});
