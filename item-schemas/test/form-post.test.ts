import { describe, expect, it } from 'vitest';
import { answersFromPost } from '../src';

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
