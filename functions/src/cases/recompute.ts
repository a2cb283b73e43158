import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { AppDeps } from '../deps';
import { onConflict } from '../conflicts';
import { countMove } from '../supervision/counting';
import type { Actor } from './lifecycle';
import type { CaseRecord, StoredCase } from './record';
import { rulesFor, settle, withEntry } from './service';

/**
 * A calendar edit moves deadlines: every open case of the jurisdiction, and of those below it
 * (they inherit its days), is recomputed; a case whose dates moved records it in its history.
 */

const clockTitles: Record<keyof CaseRecord['due'], string> = { acceptance: '受理告知', promised: '承诺办结', legal: '法定办结', step: '当前环节', supplement: '容缺补交', delivery: '送达', followUp: '差评回访' };

/** The due dates that moved, as the history says it: 承诺办结 2026-03-09 → 2026-03-10. */
function describeMoves(before: CaseRecord['due'], after: CaseRecord['due']): string | undefined {
  const moves = (Object.keys(clockTitles) as Array<keyof CaseRecord['due']>)
    .filter((k) => after[k] && before[k]?.due !== after[k]!.due)
    .map((k) => `${clockTitles[k]} ${before[k]?.due ?? '-'} → ${after[k]!.due}`);
  return moves.length > 0 ? moves.join('；') : undefined;
}

async function recomputeOne(deps: AppDeps, c: StoredCase, actor: Actor): Promise<boolean> {
  const now = deps.clock();
  const rules = await rulesFor(deps, c);
  const settled = settle(c, rules, shanghaiDateOf(now));
  const moves = describeMoves(c.due, settled.case.due);
  if (!moves) return false;
  const next = withEntry(settled.case, { at: now.toISOString(), actor: actor.id, ...(actor.name ? { actorName: actor.name } : {}), action: 'recomputed', note: `${moves}(日历 ${rules.calendar.version})` });
  await deps.store.saveCase(next, c.revision, settled);
  await countMove(deps, c, next, rules);
  return true;
}

export async function recomputeOpenCases(deps: AppDeps, jurisdiction: string, actor: Actor): Promise<number> {
  const all = await deps.store.listJurisdictions();
  const affected = new Set([jurisdiction]);
  // The registry lists jurisdictions in no particular order: widen until no new child is found.
  for (let size = 0; size !== affected.size; ) {
    size = affected.size;
    for (const j of all) if (j.parent && affected.has(j.parent)) affected.add(j.id);
  }
  let changed = 0;
  for (const id of affected) {
    for (const c of await deps.store.openCases(id)) {
      // A case changed meanwhile by an action was recomputed with the new calendar by that action.
      if (await onConflict(recomputeOne(deps, c, actor), () => false)) changed++;
    }
  }
  return changed;
}
