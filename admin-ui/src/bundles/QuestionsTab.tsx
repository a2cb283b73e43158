import { Alert, Button, Card, Input, List, Select, Space, Typography } from 'antd';
import { fieldTitle, formFields, itemsInStageOrder, stageOf, unfilledCodes, type BaseVersions, type BundleDefinition, type BundleIssue, type CanonicalField } from '@onevisit/item-schemas';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { fillFromResult, joinQuestions, splitGroup, splitQuestion, type BundleDraftDefinition, type Question } from './bundle-definition';

interface Props {
  definition: BundleDraftDefinition;
  /** The draft as the checks read it, once it is whole enough to be read. */
  bundle?: BundleDefinition;
  /** The system's groups (proposeFieldMerge), offered until the official accepts or changes them. */
  proposal: readonly CanonicalField[];
  base: BaseVersions;
  update: (change: (d: BundleDraftDefinition) => BundleDraftDefinition) => void;
  issues: readonly BundleIssue[];
}

const questionId = (q: Question) => `${q.item}|${q.path}`;

/**
 * 一表申请: the questions several items ask that are one question to the applicant, in groups an
 * official reads by the items' names and the questions' titles. The system proposes the groups;
 * the official accepts them, asks a question on its own again, or joins two by hand.
 */
export function QuestionsTab({ definition, bundle, proposal, base, update, issues }: Props) {
  const { t, pick, language } = useI18n();
  const items = definition.items ?? [];
  const ordered = itemsInStageOrder({ items, stages: definition.stages ?? [] }).filter((i) => base[i.key]);
  const fields = definition.fields ?? [];
  const words = (q: Question) => {
    const item = base[q.item];
    if (!item) return q.path;
    const title = fieldTitle(item.form.schema, q.path);
    return language === 'zh' ? `「${item.name}」的「${title}」` : `“${title}” of “${item.name}”`;
  };
  const questions: Question[] = ordered.flatMap((i) =>
    formFields(base[i.key]!.form.schema)
      .filter((f) => f.type !== 'object')
      .map((f) => ({ item: i.key, path: f.path })),
  );
  const [a, setA] = useState<string>();
  const [b, setB] = useState<string>();
  const byId = new Map(questions.map((q) => [questionId(q), q]));
  const options = ordered.map((i) => ({
    label: base[i.key]!.name,
    options: questions.filter((q) => q.item === i.key).map((q) => ({ value: questionId(q), label: words(q) })),
  }));

  if (ordered.length < 2) return <Alert type="info" showIcon message={t('请先在“事项与顺序”中选择至少两个事项。', 'Choose at least two items under “Items and order” first.')} />;
  const accepted = fields.length > 0;
  return (
    <section aria-label={t('合并问题', 'Questions asked once')}>
      <Typography.Paragraph>
        {t('申请人只填一张表。几个事项问的是同一件事的，合并为一问，申请人只回答一次，答案填入每个事项。', 'The applicant fills in one form. Where several items ask the same thing, it is asked once and the answer goes to each of them.')}
      </Typography.Paragraph>
      {!accepted && proposal.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={t(`系统找到 ${proposal.length} 组相同的问题，建议各合并为一问。请核对后接受。`, `${proposal.length} groups of questions ask the same thing: we suggest asking each once. Check them, then accept.`)}
          action={
            <Button type="primary" onClick={() => update((d) => ({ ...d, fields: [...proposal] }))}>
              {t('接受合并建议', 'Accept the suggestion')}
            </Button>
          }
        />
      )}
      {!accepted && proposal.length === 0 && <Alert style={{ marginBottom: 12 }} type="info" showIcon message={t('没有找到相同的问题。需要时可在下方手动合并。', 'No questions found that ask the same thing. Join two by hand below if you need to.')} />}
      {bundle && <UnfilledCodes bundle={bundle} base={base} proposal={proposal} update={update} issues={issues.filter((i) => i.code === 'BUNDLE_RESULT_NOT_FILLED' && i.path === '/fields')} />}
      {(accepted ? fields : proposal).map((c, index) => (
        <Group key={c.key} field={c} index={index} editable={accepted} definition={definition} base={base} update={update} words={words} issues={accepted ? issues.filter((i) => i.path === `/fields/${index}` || i.path.startsWith(`/fields/${index}/`)) : []} />
      ))}
      {accepted && (
        <Typography.Paragraph type="secondary">
          {t(`其余 ${questions.filter((q) => !fields.some((c) => c.map[q.item] === q.path)).length} 个问题由各事项分别询问。`, `The other ${questions.filter((q) => !fields.some((c) => c.map[q.item] === q.path)).length} questions are asked item by item.`)}
        </Typography.Paragraph>
      )}
      {accepted && proposal.some((p) => !fields.some((c) => JSON.stringify(c.map) === JSON.stringify(p.map))) && (
        <Button style={{ marginBottom: 12 }} onClick={() => update((d) => ({ ...d, fields: [...proposal] }))}>
          {t('恢复系统建议的合并', 'Go back to the suggested groups')}
        </Button>
      )}
      <Card size="small" title={t('手动合并两个问题', 'Join two questions by hand')}>
        <Space wrap align="start">
          <Select aria-label={t('第一个问题', 'First question')} placeholder={t('第一个问题', 'First question')} showSearch optionFilterProp="label" style={{ width: 360 }} value={a} onChange={setA} options={options} />
          <Select aria-label={t('与之相同的问题', 'The same question in another item')} placeholder={t('与之相同的问题', 'The same question in another item')} showSearch optionFilterProp="label" style={{ width: 360 }} value={b} onChange={setB} options={options.map((g) => ({ ...g, options: g.options.filter((o) => !a || byId.get(o.value)?.item !== byId.get(a)?.item) }))} />
          <Button
            disabled={!a || !b || byId.get(a)?.item === byId.get(b)?.item}
            onClick={() => {
              const first = byId.get(a!)!;
              update((d) => joinQuestions({ ...d, fields: d.fields?.length ? d.fields : [...proposal] }, first, byId.get(b!)!, fieldTitle(base[first.item]!.form.schema, first.path, '')));
              setA(undefined);
              setB(undefined);
            }}
          >
            {t('合并为一问', 'Ask them as one')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('只能合并同一事物的问题，例如两个事项中的“经营场所”。答案格式不同的(如一个是数字、一个是文字)，发布前检查会指出。', 'Join only questions about the same thing, e.g. “premises” in two items. If their answers differ in kind (a number and a text, say), the publish checks will say so.')}
        </Typography.Paragraph>
      </Card>
      {issues.some((i) => i.path === '/fields' && i.code !== 'BUNDLE_RESULT_NOT_FILLED') && <Alert type="warning" showIcon message={issues.filter((i) => i.path === '/fields' && i.code !== 'BUNDLE_RESULT_NOT_FILLED').map(pick).join('；')} />}
    </section>
  );
}

function Group({ field, index, editable, definition, base, update, words, issues }: { field: CanonicalField; index: number; editable: boolean; definition: BundleDraftDefinition; base: BaseVersions; update: Props['update']; words: (q: Question) => string; issues: readonly BundleIssue[] }) {
  const { t, pick } = useI18n();
  const entries = Object.entries(field.map).map(([item, path]) => ({ item, path }));
  const stages = { stages: definition.stages ?? [] };
  // An item of an earlier step than every item asking it may issue the answer (营业执照 → 统一社会信用代码).
  const producers = (definition.items ?? []).filter((i) => base[i.key] && entries.every((e) => stageOf(stages, i.key) < stageOf(stages, e.item)));
  const setField = (change: Partial<CanonicalField>) => update((d) => ({ ...d, fields: (d.fields ?? []).map((c, n) => (n === index ? { ...c, ...change } : c)) }));
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t(`这些问题合并为一问：${field.title}`, `These are asked as one: ${field.title}`)}
      extra={
        editable && (
          <Button size="small" onClick={() => update((d) => splitGroup(d, field.key))} aria-label={t(`全部拆开：${field.title}`, `Ask each on its own: ${field.title}`)}>
            {t('全部拆开', 'Ask each on its own')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={entries}
        renderItem={(q) => (
          <List.Item
            actions={
              editable && entries.length > 1
                ? [
                    <Button key="split" size="small" type="link" onClick={() => update((d) => splitQuestion(d, q))} aria-label={t(`单独询问：${words(q)}`, `Ask on its own: ${words(q)}`)}>
                      {t('单独询问', 'Ask on its own')}
                    </Button>,
                  ]
                : []
            }
          >
            {words(q)}
          </List.Item>
        )}
      />
      {editable && (
        <Space wrap style={{ marginTop: 8 }}>
          <label>
            {t('申请人看到的问题：', 'The applicant sees: ')}
            <Input style={{ width: 260 }} maxLength={100} value={field.title} onChange={(e) => setField({ title: e.target.value })} aria-label={t(`问题名称：${field.title}`, `Question title: ${field.title}`)} />
          </label>
          {producers.length > 0 && (
            <label>
              {t('怎样填写：', 'Answered by: ')}
              <Select
                aria-label={t(`怎样填写：${field.title}`, `How it is answered: ${field.title}`)}
                style={{ minWidth: 300 }}
                value={field.fromResultOf ?? ''}
                onChange={(value: string) => setField({ fromResultOf: value || undefined })}
                options={[{ value: '', label: t('由申请人填写', 'The applicant answers it') }, ...producers.map((p) => ({ value: p.key, label: t(`由「${base[p.key]!.name}」办结后自动填入`, `Filled in from the result of “${base[p.key]!.name}”`) }))]}
              />
            </label>
          )}
        </Space>
      )}
      {issues.length > 0 && <Alert style={{ marginTop: 8 }} type="error" showIcon message={issues.map(pick).join('；')} />}
    </Card>
  );
}

/**
 * Codes an earlier item issues that items of a later step still ask of the applicant, each on its
 * own (a merged question says so on its card): one click asks them as one question, filled in
 * from that item's result, the suggested groups taken as they are.
 */
function UnfilledCodes({ bundle, base, proposal, update, issues }: Pick<Props, 'base' | 'proposal' | 'update' | 'issues'> & { bundle: BundleDefinition }) {
  const { t, pick } = useI18n();
  const apart = unfilledCodes(bundle, base).filter((u) => u.field === undefined);
  if (apart.length === 0 || issues.length === 0) return null;
  return apart.map((u, n) => {
    const producer = base[u.producer]!.name;
    const first = u.asked[0]!;
    return (
      <Alert
        key={u.producer}
        style={{ marginBottom: 12 }}
        type="error"
        showIcon
        message={issues[n] ? pick(issues[n]) : ''}
        action={
          <Button type="primary" onClick={() => update((d) => fillFromResult({ ...d, fields: d.fields?.length ? d.fields : [...proposal] }, u.asked, u.producer, fieldTitle(base[first.item]!.form.schema, first.path, '')))}>
            {t(`改为由「${producer}」办结后自动填入`, `Fill it in from the result of “${producer}”`)}
          </Button>
        }
      />
    );
  });
}
