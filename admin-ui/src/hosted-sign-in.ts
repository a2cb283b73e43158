import type { User } from '@onevisit/functions/records';
import { roles } from '@onevisit/functions/roles';

/**
 * Signing in through the Cognito hosted page (AWS mode): authorization code with PKCE, no client
 * secret in the browser. The ID token becomes the bearer token the API verifies; the user shown
 * in the editor is read from its claims, the same way the API reads them.
 */
export interface HostedSignIn {
  /** The hosted page's base, e.g. https://onevisit-dev.auth.cn-north-1.amazoncognito.com */
  domain: string;
  clientId: string;
}

const PENDING = 'onevisit.sign-in';
const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Where the hosted page sends the official back: the editor's own address. */
export const returnAddress = (origin: string) => `${origin}/admin/`;

/** The hosted page's address for a fresh attempt; the verifier and state wait in session storage. */
export async function authorizeUrl(config: HostedSignIn, origin: string, storage: Storage = sessionStorage): Promise<string> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  storage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: returnAddress(origin),
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${config.domain}/oauth2/authorize?${query}`;
}

/** The user an ID token names: groups are roles (the broadest wins), custom attributes the scope. */
export function userFromIdToken(idToken: string): User {
  const payload = idToken.split('.')[1] ?? '';
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  const groups = (claims['cognito:groups'] ?? []) as string[];
  const role = roles.find((r) => groups.includes(r));
  if (!role || typeof claims['custom:jurisdiction'] !== 'string') throw new Error('this account has no role or jurisdiction yet');
  return {
    id: String(claims.sub),
    name: String(claims.name ?? claims['cognito:username'] ?? claims.email ?? claims.sub),
    role,
    jurisdiction: claims['custom:jurisdiction'],
    ...(typeof claims['custom:department'] === 'string' ? { department: claims['custom:department'] } : {}),
  };
}

/**
 * Back from the hosted page with `?code=…&state=…`: trades the code for tokens. Returns undefined
 * when the address carries no sign-in answer; throws when it carries a wrong one.
 */
export async function completeSignIn(config: HostedSignIn, location: { origin: string; search: string }, storage: Storage = sessionStorage, post: typeof fetch = fetch): Promise<{ token: string; user: User } | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return undefined;
  const pending = JSON.parse(storage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  storage.removeItem(PENDING);
  if (!pending || pending.state !== params.get('state')) throw new Error('the sign-in answer does not match this browser’s request');
  const response = await post(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: returnAddress(location.origin), code_verifier: pending.verifier }),
  });
  if (!response.ok) throw new Error(`the sign-in service refused the code (${response.status})`);
  const { id_token: token } = (await response.json()) as { id_token: string };
  return { token, user: userFromIdToken(token) };
}
