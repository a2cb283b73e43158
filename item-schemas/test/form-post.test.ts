import { describe, expect, it } from 'vitest';
import { answersFromPost, applyListAction, withListEntries } from '../src';

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
    const answers = answersFromPost(schema, {
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
    expect(answersFromPost(schema, { 'root[area]': '十二', 'root[kind]': '9', 'root[crops][]': '0' })).toEqual({ area: '十二', kind: '9', crops: ['小麦'] });
  });

  it('reads a ticked lone checkbox as yes', () => {
    expect(answersFromPost({ type: 'object', properties: { ok: { type: 'boolean' } } }, { 'root[ok]': 'on' })).toEqual({ ok: true });
  });

  it('gives nothing for nothing posted', () => {
    expect(answersFromPost(schema, {})).toEqual({});
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
    expect(answersFromPost(list, { 'root[investors][1][name]': '乙', 'root[investors][0][name]': '', 'root[investors][2][name]': '丙' })).toEqual({ investors: [{}, { name: '乙' }, { name: '丙' }] });
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
