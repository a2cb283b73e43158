/**
 * One browser's cookies over the app, as a browser keeps them: by name and path, sent with the
 * requests under that path, replaced when set again. Redirects are not followed, so a test sees
 * each address the browser is sent to.
 */
export function browserSession(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }) {
  const jar = new Map<string, { name: string; value: string; path: string }>();
  const sentTo = (pathname: string, path: string) => pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const { pathname } = new URL(path, 'http://localhost');
    const headers = new Headers(init.headers);
    const cookies = [...jar.values()].filter((c) => sentTo(pathname, c.path)).map((c) => `${c.name}=${c.value}`);
    if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
    const response = await app.request(path, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      if (/^max-age=0$/i.test(attributes.find((a) => /^max-age=/i.test(a)) ?? '')) jar.delete(`${name}|${path}`);
      else jar.set(`${name}|${path}`, { name, value, path });
    }
    return response;
  }

  /** A form posted as a browser posts it (multipart, as the pages with files do, or urlencoded). */
  function post(path: string, fields: Record<string, string | File>, multipart = false): Promise<Response> {
    if (multipart) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return request(path, { method: 'POST', body: form });
    }
    const body = new URLSearchParams(fields as Record<string, string>).toString();
    return request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) }, body });
  }

  return { request, post, cookies: () => [...jar.values()] };
}
