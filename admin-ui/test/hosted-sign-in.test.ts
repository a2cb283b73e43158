import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, completeSignIn, userFromIdToken } from '../src/hosted-sign-in';

const config = { domain: 'https://onevisit-dev.auth.cn-north-1.amazoncognito.com', clientId: 'editor-client' };
const origin = 'https://zwfw.example.gov.cn';

/** A browser's session storage, as far as sign-in uses it. */
function storage(): Storage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k), clear: () => items.clear(), key: () => null, length: 0 };
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const idToken = (claims: Record<string, unknown>) => `${b64url('{"alg":"RS256"}')}.${b64url(JSON.stringify(claims))}.signature`;

describe('the hosted sign-in', () => {
  it('sends the official to the hosted page with a PKCE challenge for the verifier it keeps', async () => {
    const kept = storage();
    const url = new URL(await authorizeUrl(config, origin, kept));
    expect(url.origin + url.pathname).toBe(`${config.domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'editor-client', redirect_uri: `${origin}/admin/`, code_challenge_method: 'S256', scope: 'openid email profile' });
    const pending = JSON.parse(kept.getItem('onevisit.sign-in')!) as { verifier: string; state: string };
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('code_challenge')).toBe(createHash('sha256').update(pending.verifier).digest('base64url'));
  });

  it('trades the code for the ID token with the kept verifier, and reads the official from it', async () => {
    const kept = storage();
    const state = new URL(await authorizeUrl(config, origin, kept)).searchParams.get('state')!;
    const { verifier } = JSON.parse(kept.getItem('onevisit.sign-in')!) as { verifier: string };
    const token = idToken({ sub: 'u-1', name: '李强', 'cognito:groups': ['officer'], 'custom:jurisdiction': '990100', 'custom:department': '12370500MB1000007L' });
    const posted: Array<{ url: string; body: URLSearchParams }> = [];
    const post = (async (url: string, init: RequestInit) => {
      posted.push({ url, body: init.body as URLSearchParams });
      return new Response(JSON.stringify({ id_token: token, access_token: 'a', token_type: 'Bearer' }), { status: 200 });
    }) as typeof fetch;
    const done = await completeSignIn(config, { origin, search: `?code=abc&state=${state}` }, kept, post);
    expect(done).toEqual({ token, user: { id: 'u-1', name: '李强', role: 'officer', jurisdiction: '990100', department: '12370500MB1000007L' } });
    expect(posted[0]!.url).toBe(`${config.domain}/oauth2/token`);
    expect(Object.fromEntries(posted[0]!.body)).toEqual({ grant_type: 'authorization_code', client_id: 'editor-client', code: 'abc', redirect_uri: `${origin}/admin/`, code_verifier: verifier });
    expect(kept.getItem('onevisit.sign-in')).toBeNull();
  });

  it('refuses an answer this browser did not ask for', async () => {
    const kept = storage();
    await authorizeUrl(config, origin, kept);
    await expect(completeSignIn(config, { origin, search: '?code=abc&state=forged' }, kept, fetch)).rejects.toThrow('does not match');
    expect(await completeSignIn(config, { origin, search: '' }, kept, fetch)).toBeUndefined();
  });

  it('takes the broadest role among the groups, and needs a jurisdiction', () => {
    expect(userFromIdToken(idToken({ sub: 's', email: 'a@b.cn', 'cognito:groups': ['officer', 'jurisdictionAdmin'], 'custom:jurisdiction': '990121' }))).toEqual({ id: 's', name: 'a@b.cn', role: 'jurisdictionAdmin', jurisdiction: '990121' });
    expect(() => userFromIdToken(idToken({ sub: 's', 'cognito:groups': ['officer'] }))).toThrow('no role or jurisdiction');
  });
});
