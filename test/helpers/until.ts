/** Polls `read` until `ok` holds (about 5 s at most); background work has no promise to await. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  { tries = 100, everyMs = 50 } = {},
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met after ${tries * everyMs} ms`);
}
