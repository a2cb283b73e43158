import { describe, expect, it } from 'vitest';
import { itemChanges, ZItemDefinition, itemValueWords, upstreamChanges, type ItemDefinition, type LabelledChange } from '../src';
import { hasEnglishTitle } from '../src/english-titles';
import { nodeInfo, type ModelNode } from '../src/model-nodes';
import { template } from './fixtures';

/** What an official reads in 版本历史 and 上级更新: titles and names, values in words. */

const base = ZItemDefinition.parse(template('real-estate-transfer'));
const edit = (change: (d: ItemDefinition) => void): ItemDefinition => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};
const shown = (changes: LabelledChange[]) => changes.map((c) => `${c.label}: ${c.before || '—'} → ${c.after || '—'}`);
const shownEn = (changes: LabelledChange[]) => changes.map((c) => `${c.label_en}: ${c.before_en || '—'} → ${c.after_en || '—'}`);

describe('the changes between two versions', () => {
  it('name a material by its name and the count that changed, in 份', () => {
    const changes = itemChanges(base, edit((d) => (d.materials[0]!.originals = 2)));
    expect(shown(changes)).toEqual(['申请材料「不动产登记申请书」 › 原件份数: 1 份 → 2 份']);
    expect(shownEn(changes)).toEqual(['Material “不动产登记申请书” › Originals: 1 original → 2 originals']);
    expect(changes[0]).toMatchObject({ kind: 'changed', path: '/materials/0/originals' });
  });

  it('read a count left at 0 as the one it means, as the checklist and the editor tell it', () => {
    const untouched = edit((d) => {
      d.materials[0]!.kind = 'original';
      d.materials[0]!.originals = 0;
    });
    const changes = itemChanges(untouched, edit((d) => {
      d.materials[0]!.kind = 'original';
      d.materials[0]!.originals = 2;
    }));
    expect(shown(changes)).toEqual(['申请材料「不动产登记申请书」 › 原件份数: 1 份 → 2 份']);
    expect(itemChanges(untouched, edit((d) => {
      d.materials[0]!.kind = 'original';
      d.materials[0]!.originals = 1;
    }))).toEqual([]);
  });

  it('tell a new material by its name with what it asks for', () => {
    const changes = itemChanges(
      base,
      edit((d) => d.materials.push({ ...structuredClone(d.materials[0]!), id: 'material7', name: '营业执照', kind: 'copy', originals: 0, copies: 1, form: 'paper', source: '20', key: true })),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'added',
        label: '申请材料「营业执照」',
        before: '',
        after: '复印件 1 份；纸质；必要；关键材料；政府部门核发',
        label_en: 'Material “营业执照”',
        after_en: '1 copy; paper; required; key material; issued by a government department',
      }),
    ]);
  });

  it('say coded values by their labels', () => {
    const changes = itemChanges(base, edit((d) => (d.materials[1]!.form = 'both')));
    expect(shown(changes)).toEqual(['申请材料「申请人身份证明」 › 材料形式: 电子 → 纸质和电子']);
    expect(shownEn(changes)).toEqual(['Material “申请人身份证明” › Form: Electronic → Paper and electronic']);
  });

  it('name the 简称 and 搜索关键词 by their titles, the keywords as a list', () => {
    const named = edit((d) => {
      d.shortName = '过户';
      d.keywords = ['卖房', '房产过户'];
    });
    expect(shown(itemChanges(base, named))).toEqual(['简称: — → 过户', '搜索关键词: — → 卖房、房产过户']);
    expect(shownEn(itemChanges(named, { ...named, keywords: ['卖房', '买房'] }))).toEqual(['Search keywords: 卖房, 房产过户 → 卖房, 买房']);
  });

  it('show a window’s new hours under the window’s name', () => {
    const changes = itemChanges(base, edit((d) => (d.windows[0]!.hours = '周一至周五 8:30-17:30')));
    expect(shown(changes)).toEqual(['办理窗口「示范市不动产登记中心交易登记窗口」 › 办理时间: 周一至周五 9:00-12:00, 13:30-17:00(法定节假日除外) → 周一至周五 8:30-17:30']);
    expect(changes[0]!.label_en).toBe('Window “示范市不动产登记中心交易登记窗口” › Opening hours');
  });

  it('show a step’s limit in working days', () => {
    const changes = itemChanges(base, edit((d) => (d.steps[1]!.limitDays = 5)));
    expect(shown(changes)).toEqual(['办理环节「审核」 › 环节时限: 2个工作日 → 5个工作日']);
    expect(shownEn(changes)).toEqual(['Step “审核” › Step time limit: 2 working days → 5 working days']);
  });

  it('name a new form field by its title, with its kind and whether it must be filled', () => {
    const changes = itemChanges(
      base,
      edit((d) => {
        (d.form.schema.properties as Record<string, unknown>).uscc = { type: 'string', title: '统一社会信用代码', format: 'cn-uscc' };
        (d.form.schema.required as string[]).push('uscc');
      }),
    );
    expect(shown(changes)).toEqual(['申请表单字段「统一社会信用代码」: — → 统一社会信用代码，必填']);
    expect(shownEn(changes)).toEqual(['Form field “统一社会信用代码”: — → unified social credit code, required']);
  });

  it('say a form field’s changed choices, requirement and visibility in words', () => {
    const changes = itemChanges(
      base,
      edit((d) => {
        const reason = (d.form.schema.properties as Record<string, { oneOf: Array<{ const: string; title: string }> }>).reason!;
        reason.oneOf = reason.oneOf.filter((o) => o.const !== 'gift');
        d.form.schema.required = (d.form.schema.required as string[]).filter((r) => r !== 'location');
        d.form.visibleWhen.price = { field: 'reason', op: 'in', value: ['sale', 'inheritance'] };
      }),
    );
    expect(shown(changes)).toEqual([
      '申请表单字段「转移原因」 › 选项: 买卖、继承、赠与、其他 → 买卖、继承、其他',
      '申请表单字段「不动产坐落」 › 必填: 是 → 否',
      '申请表单字段「成交价格(万元)」 › 显示条件: 「转移原因」为「买卖」 → 「转移原因」为「买卖」或「继承」',
    ]);
  });

  it('match materials by id: moving one is one change of order, not every material changing', () => {
    const changes = itemChanges(
      base,
      edit((d) => {
        const [first] = d.materials.splice(0, 1);
        d.materials.push({ ...first!, copies: 2 });
      }),
    );
    expect(changes.map((c) => c.label)).toEqual(['申请材料的顺序', '申请材料「不动产登记申请书」 › 复印件份数']);
    expect(changes[0]!.after.endsWith('不动产测绘报告、不动产登记申请书')).toBe(true);
    expect(changes[1]).toMatchObject({ path: '/materials/8/copies', before: '0 份', after: '2 份' });
  });

  it('say a removed step by its name and role', () => {
    const changes = itemChanges(base, edit((d) => d.steps.splice(3, 1)));
    expect(changes).toEqual([expect.objectContaining({ kind: 'removed', path: '/steps/3', label: '办理环节「缮证发证」', after: '' })]);
    expect(changes[0]!.before).toContain('1个工作日');
  });

  it('keep a renamed window the same window, and say the limit the law no longer sets', () => {
    const changes = itemChanges(
      base,
      edit((d) => {
        d.windows[0]!.name = '市民中心 3 号窗口';
        d.legalLimit = null;
        d.department.creditCode = '11370521MB1000001J';
      }),
    );
    expect(shown(changes)).toEqual([
      '实施主体统一社会信用代码: 12370500MB1000007L → 11370521MB1000001J',
      '法定办结时限: 30个工作日 → 法律未规定',
      '办理窗口「市民中心 3 号窗口」 › 窗口名称: 示范市不动产登记中心交易登记窗口 → 市民中心 3 号窗口',
    ]);
  });

  it('say when a material is needed by the form’s titles', () => {
    const changes = itemChanges(base, edit((d) => (d.materials[3]!.when = { field: 'reason', op: 'in', value: ['sale', 'gift'] })));
    expect(shown(changes)).toEqual(['申请材料「不动产买卖合同」 › 适用情形: 「转移原因」为「买卖」 → 「转移原因」为「买卖」或「赠与」']);
  });

  it('never show a model key or JSON, whatever changed', () => {
    const changes = itemChanges(
      base,
      edit((d) => {
        d.department = { name: '示范市自然资源局', creditCode: '11370521MB1000001J', nature: '2' };
        d.materials[0]!.shared = { provider: '市场监管局' };
        d.materials[2]!.blankForm = { key: 'files/blank.pdf', name: '空白申请书.pdf' };
        d.fees.push({ name: '工本费', charged: true, standard: '10 元/本', reducible: false });
        d.delivery = [{ method: 'post' }];
        d.specialProcedures = [{ kind: 'expertReview', limit: { value: 10, unit: 'natural' } }];
        d.deficiencyAcceptance = { enabled: true, supplementDays: 5, onMissed: 'suspend' };
        d.form.applicantFields = { name: 'transferee.name' };
        d.steps[0]!.outcomes = ['pass', 'reject'];
        d.levels = ['3', '4'];
      }),
    );
    expect(changes.length).toBeGreaterThan(10);
    for (const c of changes) {
      expect(c.label, c.label).not.toMatch(/[A-Za-z]/);
      for (const value of [c.before, c.after, c.before_en, c.after_en]) expect(value, `${c.label}: ${value}`).not.toMatch(/^\s*[[{]/);
    }
    expect(shown(changes)).toContain('实施主体性质: 法定机关 → 授权组织');
    expect(shown(changes)).toContain('特别程序「专家评审」: — → 特别程序时限：10个自然日');
    expect(shown(changes)).toContain('申请表单 › 申请人信息字段 › 申请人姓名(名称)字段: — → 「受让方 › 姓名」');
    expect(shown(changes)).toContain('申请材料「不动产登记申请书」 › 信息共享免交: — → 共享来源：市场监管局');
  });
});

describe('English titles', () => {
  it('name every field of the model', () => {
    const missing = new Set<string>();
    const seen = new Set<ModelNode>();
    const walk = (node: ModelNode): void => {
      if (seen.has(node)) return;
      seen.add(node);
      const title = (node.meta() as { title?: string } | undefined)?.title;
      if (title && !hasEnglishTitle(title)) missing.add(title);
      const def = node._zod.def as unknown as { innerType?: ModelNode; element?: ModelNode; shape?: Record<string, ModelNode>; options?: ModelNode[] };
      for (const child of [def.innerType, def.element, ...Object.values(def.shape ?? {}), ...(def.options ?? [])]) if (child) walk(child);
    };
    walk(ZItemDefinition);
    expect([...missing]).toEqual([]);
    expect(nodeInfo(ZItemDefinition.shape.materials).title).toBe('申请材料');
  });
});

describe('a county reading upstream’s changes', () => {
  it('sees them attribute by attribute, with what it overrides marked', () => {
    const overrides = { windows: [{ name: '东城县政务服务中心', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00' }], sharedMaterials: { application: { provider: '县档案馆' } } };
    const v2 = edit((d) => {
      d.windows[0]!.hours = '周一至周六 9:00-17:00';
      d.materials[0]!.shared = { provider: '市档案馆' };
      d.materials[0]!.originals = 2;
    });
    const { changes, conflicts } = upstreamChanges(base, v2, overrides);
    expect(changes.map((c) => [c.label, c.before, c.after, c.overridden])).toEqual([
      ['办理窗口「示范市不动产登记中心交易登记窗口」 › 办理时间', '周一至周五 9:00-12:00, 13:30-17:00(法定节假日除外)', '周一至周六 9:00-17:00', true],
      ['申请材料「不动产登记申请书」 › 原件份数', '1 份', '2 份', false],
      ['申请材料「不动产登记申请书」 › 信息共享免交', '', '共享来源：市档案馆', true],
    ]);
    expect(changes.every((c) => c.title && c.label_en && c.path.startsWith('/'))).toBe(true);
    expect(conflicts).toEqual([expect.objectContaining({ path: '/windows', code: 'BOTH_CHANGED' })]);
  });

  it('reads a county’s own value in words when deciding', () => {
    expect(itemValueWords('/promisedLimit', { value: 6, unit: 'workday' })).toEqual({ zh: '6个工作日', en: '6 working days' });
    expect(itemValueWords('/windows', [{ name: '东城县政务服务中心', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00' }]).zh).toBe('东城县政务服务中心（办理地点：东城县中山路 1 号；办理时间：工作日 9:00-17:00）');
    expect(itemValueWords('/department', { name: '东城县行政审批局', creditCode: '11990121MB0000019R', nature: '1' }).zh).toBe(
      '东城县行政审批局（实施主体统一社会信用代码：11990121MB0000019R；实施主体性质：法定机关）',
    );
  });
});
