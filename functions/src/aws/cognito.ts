import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { ZPrincipal, type Authenticator, type Principal } from '../auth';
import { roles, type Role } from '../records';

/**
 * In AWS, officials sign in with Cognito. An ID token's groups carry the role; custom
 * attributes carry the jurisdiction and, for officers, the department.
 */
export class CognitoAuthenticator implements Authenticator {
  private readonly verifier;

  constructor(config: { userPoolId: string; clientId: string }) {
    this.verifier = CognitoJwtVerifier.create({ userPoolId: config.userPoolId, clientId: config.clientId, tokenUse: 'id' });
  }

  async verify(token: string): Promise<Principal> {
    const claims = await this.verifier.verify(token);
    const groups = (claims['cognito:groups'] ?? []) as string[];
    // A user in several groups acts with the broadest role.
    const role = roles.find((r): r is Role => groups.includes(r));
    return ZPrincipal.parse({
      sub: claims.sub,
      name: claims.name ?? claims['cognito:username'],
      role,
      jurisdiction: claims['custom:jurisdiction'],
      ...(claims['custom:department'] ? { department: claims['custom:department'] } : {}),
    });
  }
}
