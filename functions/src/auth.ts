import { z } from '@hono/zod-openapi';
import { sign, verify } from 'hono/jwt';
import { notSignedIn, onlyRoles, otherDepartment, otherJurisdiction } from './errors';
import { ZRole, type Role, type User } from './records';

/** Who is calling: the claims every token carries, whoever issued it. */
export const ZPrincipal = z.object({
  sub: z.string(),
  name: z.string(),
  role: ZRole,
  jurisdiction: z.string(),
  department: z.string().optional(),
});
export type Principal = z.infer<typeof ZPrincipal>;

/** Turns a bearer token into a principal; the local signer and Cognito both fit behind it. */
export interface Authenticator {
  verify(token: string): Promise<Principal>;
}

/** Local mode: real HS256 tokens signed with a secret kept beside the data. */
export class LocalTokens implements Authenticator {
  constructor(private readonly secret: string) {}

  /** Token lifetimes run on the wall clock (the verifier's), not the app's domain clock. */
  issue(user: User, hours = 12): Promise<string> {
    const iat = Math.floor(Date.now() / 1000);
    const claims: Principal = { sub: user.id, name: user.name, role: user.role, jurisdiction: user.jurisdiction, ...(user.department ? { department: user.department } : {}) };
    return sign({ ...claims, iat, exp: iat + hours * 3600 }, this.secret, 'HS256');
  }

  async verify(token: string): Promise<Principal> {
    const payload = await verify(token, this.secret, 'HS256');
    return ZPrincipal.parse(payload);
  }
}

const roleNames: Record<Role, readonly [string, string]> = {
  platformAdmin: ['平台管理员', 'platform administrators'],
  jurisdictionAdmin: ['区划管理员', 'jurisdiction administrators'],
  windowOfficer: ['综合窗口工作人员', 'window officers'],
  officer: ['部门工作人员', 'department officers'],
  citizen: ['申请人', 'applicants'],
};

/**
 * The one scope check. A route states the roles it admits and, where it touches a
 * jurisdiction's or a department's data, which one; platform administrators may act anywhere.
 */
export function authorize(who: Principal | undefined, need: { roles: readonly Role[]; jurisdiction?: string; department?: string }): Principal {
  if (!who) throw notSignedIn();
  if (!need.roles.includes(who.role)) {
    throw onlyRoles(need.roles.map((r) => roleNames[r]));
  }
  if (who.role === 'platformAdmin') return who;
  if (need.jurisdiction !== undefined && need.jurisdiction !== who.jurisdiction) {
    throw otherJurisdiction();
  }
  if (need.department !== undefined && need.department !== who.department) {
    throw otherDepartment();
  }
  return who;
}
