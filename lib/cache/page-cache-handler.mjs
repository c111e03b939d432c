// The cache of rendered catalog pages: in this process, bounded in bytes, least recently used
// first out. Next's default writes every page it renders on demand to disk without a bound, and a
// catalog has as many pages as products, filter combinations and search queries — someone
// requesting random searches must not be able to fill the disk. Each instance keeps its own copy;
// entries regenerate after CATALOG_CACHE_SECONDS, which bounds how stale another instance can be.
const MAX_BYTES = Math.max(1, Number(process.env.PAGE_CACHE_MAX_MB) || 128) * 1024 * 1024;

/** Shared by every handler instance Next creates in this process. */
const entries = new Map();
let totalBytes = 0;

function byteSize(value) {
  if (value == null) return 0;
  if (typeof value === "string") return value.length * 2;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Map) {
    let n = 0;
    for (const [k, v] of value) n += byteSize(k) + byteSize(v);
    return n;
  }
  if (Array.isArray(value)) return value.reduce((n, v) => n + byteSize(v), 0);
  if (typeof value === "object") {
    let n = 0;
    for (const k of Object.keys(value)) n += k.length * 2 + byteSize(value[k]);
    return n;
  }
  return 8;
}

function tagsOf(data, ctx) {
  const header = data?.headers?.["x-next-cache-tags"];
  const fromHeader = typeof header === "string" ? header.split(",") : Array.isArray(header) ? header : [];
  return new Set([...fromHeader, ...(ctx?.tags ?? [])].filter(Boolean));
}

function remove(key) {
  const old = entries.get(key);
  if (!old) return;
  entries.delete(key);
  totalBytes -= old.bytes;
}

export default class PageCacheHandler {
  async get(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    // Re-inserting keeps the Map in least-recently-used order.
    entries.delete(key);
    entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, data, ctx) {
    remove(key);
    if (data == null) return;
    const bytes = byteSize(data) + key.length * 2;
    if (bytes > MAX_BYTES / 4) return; // one page may not push out a quarter of the cache
    entries.set(key, { value: data, lastModified: Date.now(), tags: tagsOf(data, ctx), bytes });
    totalBytes += bytes;
    for (const oldest of entries.keys()) {
      if (totalBytes <= MAX_BYTES) break;
      remove(oldest);
    }
  }

  async revalidateTag(tags) {
    const wanted = new Set(Array.isArray(tags) ? tags : [tags]);
    for (const [key, entry] of entries) {
      for (const tag of entry.tags) {
        if (wanted.has(tag)) {
          remove(key);
          break;
        }
      }
    }
  }

  resetRequestCache() {}
}

/** For tests and the benchmark: how much the cache holds. */
export function pageCacheStats() {
  return { entries: entries.size, bytes: totalBytes, maxBytes: MAX_BYTES };
}
