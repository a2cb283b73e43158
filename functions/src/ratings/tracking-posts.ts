import type { Context } from 'hono';
import type { StoredCase } from '../cases/record';
import type { AppDeps } from '../deps';
import { ratingRequired } from '../errors';
import type { AppEnv } from '../http';
import { judgeFix } from './applicant';
import { deviceChannel } from './channels';
import { addendumRequired, verdictRequired } from './errors';
import { poorReasons, ratingTargets, verdicts, type RatingTarget } from './model';
import { addRemark, rate } from './service';

/**
 * The tracking page's rating forms, as posted: read into what the API takes, with the same
 * refusals. `register` is the tracking pages' way of handling a form of the case (their cookie,
 * their redirect back to the case, their page with the refusal).
 */
type Posted = Record<string, string | File | Array<string | File>>;
type Register = (action: string, run: (deps: AppDeps, found: StoredCase, body: Posted, c: Context<AppEnv>) => Promise<unknown>) => void;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 1000) : undefined);
const targetOf = (body: Posted): RatingTarget => (ratingTargets as readonly unknown[]).includes(body.target) ? (body.target as RatingTarget) : 'case';
const many = (value: Posted[string] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function registerRatingPosts(register: Register): void {
  register('rate', async (deps, found, body, c) => {
    const level = Number(body.level);
    if (!Number.isInteger(level) || level < 1 || level > 5) throw ratingRequired();
    const reasons = many(body.reasons).filter((r): r is (typeof poorReasons)[number] => (poorReasons as readonly unknown[]).includes(r));
    const comment = text(body.comment);
    await rate(deps, found, { target: targetOf(body), level, reasons, ...(comment ? { comment } : {}) }, { channel: body.via === 'qr' ? 'windowQr' : deviceChannel(c), realName: true, actor: { id: 'applicant' } });
  });

  register('remark', async (deps, found, body, c) => {
    const comment = text(body.comment);
    if (!comment) throw addendumRequired();
    await addRemark(deps, found, targetOf(body), comment, deviceChannel(c));
  });

  register('judge', async (deps, found, body) => {
    const verdict = verdicts.find((v) => v === body.verdict);
    if (!verdict) throw verdictRequired();
    const comment = text(body.comment);
    await judgeFix(deps, found, targetOf(body), { verdict, ...(comment ? { comment } : {}) });
  });
}
