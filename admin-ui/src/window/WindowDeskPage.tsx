import { Alert, Button, Card, Checkbox, Input, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { appliesOnline, materialsFor, shanghaiDateOf, visibleAnswers } from '@onevisit/item-schemas';
import { CitizenForm, citizenCss } from '@onevisit/functions/citizen-form';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { withApplicant } from './applicant-prefill';
import { CollectionFields, collectionMethods, collectionOf, collectionProblem, emptyCollection } from './CollectionFields';
import { CorrectionSheet } from './CorrectionSheet';
import { deskCss } from './desk-css';
import { errorSchemaOf } from './form-errors';
import { ItemFinder } from './ItemFinder';
import { enterGoesOn } from './keyboard';
import { MaterialRows, receivedOf, toBring, type Needed, type Refusal, type Taken } from './MaterialRows';
import { emptyPerson, idProblemWords, PersonFields, personOf } from './PersonFields';
import { ReceiptSheet } from './ReceiptSheet';
import { useServiceWindow } from './service-window';
import { windowApi, type Filed, type FoundItem } from './window-api';

/**
 * The front desk (一窗受理): a window officer takes a walk-in applicant's application for any
 * item. Find the item, identify the applicant (and any 代理人 with the 委托书), fill the item's
 * own form, record each material as received, then either file it (the 收件回执 printed at once)
 * or, when something that cannot be 容缺 is missing, print the one-time 补正 list (no case).
 * Everything is reachable from the keyboard; Enter goes on to the next field.
 */
export function WindowDeskPage() {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const jurisdiction = session.jurisdiction;
  const [serviceWindow, setServiceWindow] = useServiceWindow(session.user);
  const [chosen, setChosen] = useState<FoundItem>();
  const version = useQuery({ queryKey: ['window-item', jurisdiction, chosen?.itemId], queryFn: () => windowApi.item(jurisdiction, chosen!.itemId), enabled: !!chosen });
  const item = version.data?.definition;
  const [applicant, setApplicant] = useState(emptyPerson);
  const [hasAgent, setHasAgent] = useState(false);
  const [agent, setAgent] = useState(emptyPerson);
  const [authorization, setAuthorization] = useState<'original' | 'copy' | 'online'>('original');
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [taken, setTaken] = useState<Record<string, Taken>>({});
  const methods = useMemo(() => (item ? collectionMethods(item.delivery) : []), [item]);
  const [collection, setCollection] = useState(emptyCollection);
  const [problem, setProblem] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<Filed>();
  const [correction, setCorrection] = useState<Needed[]>();
  // One key per application, so a retry after a lost answer is the same case.
  const key = useRef(crypto.randomUUID());
  const finder = useRef<HTMLInputElement>(null);
  const firstPerson = useRef<HTMLSelectElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  // What 2.申请人 put into the form's applicant fields: those follow it until answered otherwise.
  const prefilled = useRef<Record<string, string>>({});

  const needed = useMemo<Needed[]>(() => {
    if (!item) return [];
    const by = materialsFor(item, answers);
    return [...by.required.map((material) => ({ material, status: 'required' as const })), ...by.deferrable.map((material) => ({ material, status: 'deferrable' as const })), ...by.optional.map((material) => ({ material, status: 'optional' as const }))];
  }, [item, answers]);
  const shared = useMemo(() => (item ? materialsFor(item, answers).shared : []), [item, answers]);
  const missing = toBring(needed, taken);

  // Each step hands the focus on: the item read → the applicant's document; a result → its print button.
  useEffect(() => {
    if (item) firstPerson.current?.focus();
    setCollection(emptyCollection(methods[0]));
  }, [item, methods]);
  useEffect(() => {
    if (!item) return;
    const next = withApplicant(item.form, answers, applicant, prefilled.current);
    if (!next) return;
    prefilled.current = next.filled;
    setAnswers(next.answers);
  }, [item, applicant]);
  useEffect(() => {
    if (filed || correction) printButton.current?.focus();
  }, [filed, correction]);
  // The shift starts at the window's number when this browser does not know it yet, else at the search.
  useEffect(() => (serviceWindow.number ? finder.current?.focus() : document.getElementById('desk-number')?.focus()), []);

  const nextApplicant = () => {
    setChosen(undefined);
    setApplicant(emptyPerson());
    setHasAgent(false);
    setAgent(emptyPerson());
    setAnswers({});
    prefilled.current = {};
    setTaken({});
    setProblem(undefined);
    setFiled(undefined);
    setCorrection(undefined);
    key.current = crypto.randomUUID();
    requestAnimationFrame(() => finder.current?.focus());
  };

  const refuse = (message: [string, string], focus: string) => {
    setProblem(new ApiError(400, 'DESK', message[0], message[1]));
    document.getElementById(focus)?.focus();
  };

  const go = async () => {
    if (!item || !chosen) return;
    if (!serviceWindow.name.trim() || !serviceWindow.number.trim()) return refuse(['请先填写本窗口的名称和窗口号', 'Enter this window’s name and number first'], serviceWindow.name.trim() ? 'desk-number' : 'desk-name');
    const people = hasAgent ? ([['applicant', applicant], ['agent', agent]] as const) : ([['applicant', applicant]] as const);
    for (const [who, person] of people) {
      const idProblem = idProblemWords(person, t);
      if (idProblem) return refuse([idProblem, idProblem], `${who}-number`);
      if (!person.name.trim()) return refuse(['请填写姓名', 'Enter the name'], `${who}-name`);
    }
    const collectionWrong = methods.length > 0 ? collectionProblem(collection) : undefined;
    if (collectionWrong) return refuse(collectionWrong.words, collectionWrong.field);
    if (missing.length > 0) {
      setProblem(undefined);
      setCorrection(missing);
      return;
    }
    const { materials, fileNames } = receivedOf(needed, taken);
    const body = {
      window: { name: serviceWindow.name.trim(), number: serviceWindow.number.trim() },
      applicant: personOf(applicant),
      ...(hasAgent ? { agent: personOf(agent), authorization: authorization === 'online' ? { form: 'online' } : { form: 'paper', original: authorization === 'original', copies: authorization === 'copy' ? 1 : 0 } } : {}),
      ...(methods.length > 0 ? { collection: collectionOf(collection) } : {}),
      answers: visibleAnswers(item.form, answers).answers,
      materials,
      fileNames,
    };
    setBusy(true);
    try {
      setFiled(await windowApi.file(jurisdiction, chosen.itemId, body, key.current));
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error), String(error)));
      const field = (error as ApiError).details as { field?: string } | undefined;
      if (field?.field) document.getElementById(field.field === 'collection' ? 'collection-method' : field.field.replace('.idNumber', '-number').replace('.', '-'))?.focus();
    } finally {
      setBusy(false);
    }
  };

  const scan = async (materialId: string, file: File): Promise<Refusal | undefined> => {
    const scanned = (files: Taken['files']) => setTaken((all) => ({ ...all, [materialId]: { ...(all[materialId] ?? { how: 'scan', original: false, copies: 0, reference: '', files: [] }), how: 'scan', files } }));
    try {
      scanned([await windowApi.upload(jurisdiction, chosen!.itemId, materialId, file)]);
      return undefined;
    } catch (error) {
      // A refused scan replaces any earlier one: the row must not look received.
      scanned([]);
      return error instanceof ApiError ? error : { message: String(error), message_en: String(error) };
    }
  };

  const done = filed || correction;
  return (
    <div className="window-desk" onKeyDown={enterGoesOn}>
      <style>{citizenCss}</style>
      <style>{deskCss}</style>
      <Space className="no-print desk-head" wrap align="end">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('一窗受理', 'Front desk')}
        </Typography.Title>
        <label htmlFor="desk-name">{t('本窗口', 'This window')}</label>
        <Input id="desk-name" style={{ width: 200 }} value={serviceWindow.name} onChange={(e) => setServiceWindow({ ...serviceWindow, name: e.target.value })} />
        <label htmlFor="desk-number">{t('窗口号', 'Number')}</label>
        <Input id="desk-number" style={{ width: 64 }} value={serviceWindow.number} onChange={(e) => setServiceWindow({ ...serviceWindow, number: e.target.value })} />
      </Space>
      {problem && (
        <Alert className="no-print" type="error" showIcon role="alert" message={pick(problem)} description={problem.code === 'INVALID_ANSWERS' ? (problem.details as Array<{ message: string; message_en: string }>).map((e) => pick(e)).join('；') : undefined} style={{ margin: '12px 0' }} />
      )}
      {done ? (
        <>
          <Space className="no-print" style={{ margin: '12px 0' }}>
            <Button ref={printButton} type="primary" onClick={() => window.print()}>
              {filed ? t('打印收件回执', 'Print the receipt') : t('打印一次性补正告知书', 'Print the list of what to bring')}
            </Button>
            <Button onClick={nextApplicant}>{t('下一位', 'Next applicant')}</Button>
            {correction && <Button onClick={() => setCorrection(undefined)}>{t('返回修改', 'Back to the entry')}</Button>}
          </Space>
          {filed && <ReceiptSheet filed={filed.case} secret={filed.secret} departmentName={item!.department.name} />}
          {correction && item && (
            <CorrectionSheet
              item={item}
              applicant={applicant.name.trim()}
              missing={correction}
              received={needed.filter((n) => !correction.includes(n) && (taken[n.material.id]?.how ?? 'paper') !== 'none').map((n) => n.material.name)}
              window={serviceWindow}
              officer={session.user.name}
              today={shanghaiDateOf(new Date())}
            />
          )}
        </>
      ) : (
        <>
          <ItemFinder jurisdiction={jurisdiction} inputRef={finder} onPick={setChosen} />
          {chosen && !item && <Spin />}
          {item && (
            <>
              <Typography.Title level={5} className="desk-item">
                {item.name} <Typography.Text type="secondary">{item.department.name}</Typography.Text>{' '}
                <a href={`/apply/${jurisdiction}/${chosen!.itemId}/checklist`} target="_blank" rel="noreferrer" style={{ textDecoration: 'underline', fontSize: 14, fontWeight: 'normal' }}>
                  {t('一次告知单', 'Full checklist')}
                </a>
              </Typography.Title>
              <Card size="small" title={t('2. 申请人', '2. Applicant')}>
                <PersonFields who="applicant" value={applicant} onChange={setApplicant} typeRef={firstPerson} />
                <Checkbox id="has-agent" checked={hasAgent} onChange={(e) => setHasAgent(e.target.checked)}>
                  {t('由代理人办理', 'Applied for by an agent')}
                </Checkbox>
                {hasAgent && (
                  <>
                    <Typography.Title level={5}>{t('代理人', 'Agent')}</Typography.Title>
                    <PersonFields who="agent" value={agent} onChange={setAgent} />
                    <label htmlFor="authorization">{t('授权委托书', 'Letter of authorization')}</label>{' '}
                    <select id="authorization" className="desk-select" value={authorization} onChange={(e) => setAuthorization(e.target.value as typeof authorization)}>
                      <option value="original">{t('原件', 'Original')}</option>
                      <option value="copy">{t('复印件', 'Copy')}</option>
                      <option value="online">{t('网上已提交', 'Supplied online')}</option>
                    </select>
                  </>
                )}
              </Card>
              <Card size="small" title={t('3. 申请表', '3. Application form')}>
                <div className="citizen">
                  <CitizenForm schema={item.form.schema} uiSchema={item.form.uiSchema} answers={answers} hidden={visibleAnswers(item.form, answers).hidden} onChange={setAnswers} errors={problem?.code === 'INVALID_ANSWERS' ? errorSchemaOf(problem.details) : undefined} />
                </div>
              </Card>
              <Card size="small" title={t('4. 一次告知的材料：收取情况', '4. The materials told at once: as received')}>
                <MaterialRows needed={needed} taken={taken} online={appliesOnline(item.channels)} onChange={(id, next) => setTaken((all) => ({ ...all, [id]: next }))} onScan={scan} />
                {shared.length > 0 && <Typography.Paragraph type="secondary">{t(`免交(部门共享)：${shared.map((m) => m.name).join('、')}`, `Not asked (shared): ${shared.map((m) => m.name).join(', ')}`)}</Typography.Paragraph>}
                {missing.length > 0 && (
                  <Alert type="warning" showIcon message={t(`未收到不可容缺的材料：${missing.map((n) => n.material.name).join('、')}。不能受理，将出具一次性补正告知书。`, `Missing materials that cannot be deferred: ${missing.map((n) => n.material.name).join(', ')}. No case; the list of what to bring is printed.`)} />
                )}
              </Card>
              {methods.length > 0 && (
                <Card size="small" title={t('5. 领取方式', '5. How the result is collected')}>
                  <CollectionFields methods={methods} value={collection} onChange={setCollection} applicant={applicant} />
                </Card>
              )}
              <Button type="primary" size="large" loading={busy} onClick={() => void go()} style={{ marginTop: 12 }}>
                {missing.length > 0 ? t('出具一次性补正告知书', 'Print the list of what to bring') : t('收件并打印回执', 'File and print the receipt')}
              </Button>
            </>
          )}
        </>
      )}
    </div>
  );
}
