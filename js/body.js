// Reads a fetch Response's body up to `max` bytes and no further (src/transport.rs calls it):
// resolves to the bytes, or to null as soon as the body is longer, with the stream cancelled so
// the rest is never downloaded. A Content-Length over `max` is refused before anything is read;
// the bytes are counted anyway, since a compressed answer's decoded body can be far longer than
// its Content-Length. Written in JS because it is a few lines here and kilobytes of wasm.
export async function readBody(response, max) {
  const body = response.body;
  if (Number(response.headers.get("content-length")) > max) {
    body?.cancel().catch(() => {});
    return null;
  }
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > max) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
