/** A multipart body as a browser sends it, with its length (an in-process Request has none, and the upload budget charges a body of unstated length as the largest). */
export async function multipart(form: FormData): Promise<RequestInit> {
  const request = new Request('http://local/', { method: 'POST', body: form });
  const bytes = new Uint8Array(await request.arrayBuffer());
  return { method: 'POST', body: bytes, headers: { 'content-type': request.headers.get('content-type')!, 'content-length': String(bytes.length) } };
}
