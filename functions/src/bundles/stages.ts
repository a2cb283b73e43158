import { mergedMaterials, mergedForm, splitAnswers, type BundleDefinition } from '@onevisit/item-schemas';
import { checkApplication, receiveApplication } from '../cases/intake';
import type { NoticeIntent } from '../cases/lifecycle';
import { messagesFor } from '../cases/messages';
import type { CaseRecord, StoredCase } from '../cases/record';
import { messagesWritten } from '../cases/service';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
import type { BundleChild, StoredBundleCase } from './records';

/**
 * 一次分办 stage by stage: once every started item of the current stage is decided, the next stage
 * with items waiting starts, each filed as its item's own case with the answers the earlier
 * results fill in (the 统一社会信用代码 on the 营业执照 issued). A denial stops every waiting item
 * when the bundle says so (onChildDenied: stopAll); otherwise the waiting items go on, except
 * one that cannot without what the denied item would have issued.
 */

const closed = new Set(['decided', 'delivered', 'notAccepted', 'withdrawn']);
const approved = (c: CaseRecord | undefined) => c?.decision?.outcome === 'approved';

const stoppedByDenial = { message: '同一件事中的其他事项未获准予，本事项不再办理', message_en: 'another item of this application was not granted, so this one does not go ahead' };
const stoppedWithStage = { message: '同一件事中前一阶段的事项均无法办理，本事项不再办理', message_en: 'no item of the stage before could go ahead, so this one does not' };
const stoppedUnfilled = (names: string) => ({ message: `缺少「${names}」的办理结果，本事项无法办理`, message_en: `without the result of "${names}" this item cannot go ahead` });

/** Told once, with the stage's first case: which items start now, and which do not, with why. */
function stageNotice(parent: StoredBundleCase, starting: readonly BundleChild[], stopped: readonly BundleChild[]): NoticeIntent {
  const names = (list: readonly BundleChild[], sep: string) => list.map((c) => c.itemName).join(sep);
  const notStarted = stopped.map((c) => `「${c.itemName}」：${c.stopped!.message}`).join('；');
  return {
    to: 'applicant',
    topic: 'received',
    text: `您申请的「${parent.bundleName}」(受理编号 ${parent.trackingNumber})：${names(starting, '、')}已开始办理。${notStarted ? `${notStarted}。` : ''}`,
    text_en: `Your application ${parent.trackingNumber}: ${names(starting, ', ')} started.${stopped.length > 0 ? ` Not going ahead: ${stopped.map((c) => `${c.itemName} (${c.stopped!.message_en})`).join('; ')}.` : ''}`,
  };
}

/** Told once when nothing more starts: which items do not go ahead, and why. */
function stoppedNotice(parent: StoredBundleCase, stopped: readonly BundleChild[]): NoticeIntent {
  return {
    to: 'applicant',
    topic: 'decided',
    text: `您申请的「${parent.bundleName}」(受理编号 ${parent.trackingNumber})：以下事项不再办理。${stopped.map((c) => `「${c.itemName}」：${c.stopped!.message}`).join('；')}。`,
    text_en: `Your application ${parent.trackingNumber}: these items do not go ahead. ${stopped.map((c) => `${c.itemName} (${c.stopped!.message_en})`).join('; ')}.`,
  };
}

/**
 * Tells the applicant of items that stopped when nothing else starts after them: the parent has
 * no outbox, so the message goes with the latest item case. Its ids and time come from what is
 * stored (the moves that ended the stage), so two readers advancing the same parent at once add
 * the same message, which the sender sends once.
 */
async function tellStopped(deps: AppDeps, parent: StoredBundleCase, stopped: readonly BundleChild[], cases: ReadonlyArray<StoredCase | undefined>, items: Record<string, { definition: Parameters<typeof messagesFor>[1] } | undefined>): Promise<void> {
  const at = cases.reduce((latest, k) => (k && k.history.at(-1)!.at > latest ? k.history.at(-1)!.at : latest), '');
  const carrier = cases.findLastIndex((k) => k !== undefined);
  const item = carrier < 0 ? undefined : items[parent.children[carrier]!.key];
  if (!item || !at) return;
  const messages = messagesFor(cases[carrier]!, item.definition, [stoppedNotice(parent, stopped)], new Date(at)).map((m, i) => ({ ...m, id: `${parent.trackingNumber}-stopped-${i}` }));
  if (messages.length > 0) messagesWritten(deps, await deps.store.addMessages(cases[carrier]!, messages));
}

/** The canonical answers earlier results fill in: each fromResultOf field, from the number on its item's approval. */
function resultAnswers(bundle: BundleDefinition, children: readonly BundleChild[], cases: ReadonlyArray<CaseRecord | undefined>): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const field of bundle.fields) {
    const i = children.findIndex((c) => c.key === field.fromResultOf);
    const number = approved(cases[i]) ? cases[i]!.decision!.result?.number : undefined;
    if (number) filled[field.key] = number;
  }
  return filled;
}

/** Starts the next stage when the current one is done; the parent as it is afterwards. Safe to call again at any time. */
export async function advanceBundle(deps: AppDeps, parent: StoredBundleCase): Promise<StoredBundleCase> {
  if (!parent.children.some((c) => c.pending && !c.stopped)) return parent;
  const cases = await Promise.all(parent.children.map((c) => (c.trackingNumber ? deps.store.getCase(parent.jurisdiction, c.trackingNumber) : undefined)));
  const running = parent.children.map((c, i) => ({ c, k: cases[i] })).filter(({ c }) => c.trackingNumber);
  if (running.some(({ k }) => !k || !closed.has(k.status))) return parent;
  const version = await deps.store.getBundleVersion(parent.jurisdiction, parent.bundleId, parent.version);
  if (!version) return parent;
  const bundle = version.definition;
  // Why the waiting items stop when the bundle stops on a denial; none while every item so far is granted.
  let denied = running.some(({ k }) => !approved(k)) ? stoppedByDenial : undefined;
  const answers = splitAnswers(bundle, { ...parent.answers, ...resultAnswers(bundle, parent.children, cases) });
  const children = structuredClone(parent.children);
  const base = Object.fromEntries(await Promise.all(bundle.items.map(async (ref) => [ref.key, await deps.store.getVersion(ref.jurisdiction, ref.itemId, ref.version)] as const)));
  const definitions = Object.fromEntries(Object.entries(base).flatMap(([k, v]) => (v ? [[k, v.definition]] : [])));
  const merged = mergedMaterials(bundle, definitions, parent.answers, mergedForm(bundle, definitions));
  // Items stopped in a stage that started nothing: told with the next stage that starts.
  const untold: BundleChild[] = [];
  let started = false;
  for (;;) {
    const pending = children.filter((c) => c.pending && !c.stopped);
    if (pending.length === 0) break;
    const next = Math.min(...pending.map((c) => c.stage));
    for (const child of pending.filter((c) => c.stage === next)) {
      if (denied && bundle.onChildDenied === 'stopAll') {
        child.stopped = denied;
        continue;
      }
      const pinned = base[child.key]!;
      const held = child.pending!;
      const own = checkApplication(pinned.definition, answers[child.key] ?? {}, { files: Object.fromEntries(Object.entries(held.files).map(([id, f]) => [id, f.map((x) => x.key)])), promised: held.promised });
      const shared = new Set(merged.filter((m) => m.status === 'shared').flatMap((m) => m.sources.filter((s) => s.item === child.key).map((s) => s.materialId)));
      const check = { ...own, missing: own.missing.filter((m) => !shared.has(m.id)), deferred: own.deferred.filter((m) => !shared.has(m.id)) };
      if (check.fields.length > 0 || check.missing.length > 0) {
        const producers = bundle.fields.filter((f) => f.fromResultOf && f.map[child.key]).map((f) => children.find((c) => c.key === f.fromResultOf)!);
        const unissued = producers.filter((c) => !approved(cases[children.indexOf(c)]));
        // Issued, yet the answers it fills do not pass (a mistyped licence number): said as the item's own form says it.
        const first = check.fields[0];
        child.stopped = unissued.length > 0 || !first ? stoppedUnfilled([...new Set(unissued.map((c) => c.itemName))].join('、') || parent.bundleName) : { message: `无法办理：${first.message}`, message_en: `cannot go ahead: ${first.message_en}` };
        continue;
      }
      const starting = children.filter((c) => c.pending && !c.stopped && c.stage === next);
      const applicantNotices = children.some((c) => c.stage === next && c.trackingNumber) ? [] : [stageNotice(parent, starting, [...untold, ...children.filter((c) => c.stage === next && c.stopped)])];
      const link = { trackingNumber: parent.trackingNumber, bundleId: parent.bundleId, key: child.key };
      const application = { sent: answers[child.key] ?? {}, check, files: held.files, promised: held.promised, ...(parent.channel ? { channel: parent.channel } : {}) };
      const receipt = await receiveApplication(deps, pinned, application, `${parent.idempotencyKey}~${child.key}`, { link, applicantNotices });
      child.trackingNumber = receipt.case.trackingNumber;
      delete child.pending;
      started = true;
    }
    if (children.some((c) => c.stage === next && c.trackingNumber)) break;
    // Every item of this stage stopped: the stage after it goes on, or stops too when the bundle stops on a denial.
    untold.push(...children.filter((c) => c.stage === next));
    denied ??= stoppedWithStage;
  }
  if (!started && untold.length > 0) await tellStopped(deps, parent, untold, cases, base);
  const saved: StoredBundleCase = { ...parent, children, revision: parent.revision + 1 };
  // Another approval started the stage first: its children are the same cases (the keys are the same), so its parent stands.
  return onConflict(deps.store.saveBundleCase(saved, parent.revision).then(() => saved), async () => (await deps.store.getBundleCase(parent.jurisdiction, parent.trackingNumber)) ?? saved);
}

const decided = new Set(['decided', 'notAccepted', 'withdrawn']);

/** After a base item's case moved, however it moved: once it is decided, its parent moves on if the stage is done. */
export async function afterChildMoved(deps: AppDeps, child: CaseRecord): Promise<void> {
  if (!child.bundle || !decided.has(child.status)) return;
  const parent = await deps.store.getBundleCase(child.jurisdiction, child.bundle.trackingNumber);
  if (parent) await advanceBundle(deps, parent);
}
