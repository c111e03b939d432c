// What the production launcher (start.mjs) does to every request before Next sees it; kept apart
// so it can be tested without starting a server.

const OWN = new Set(["x-shop-peer-address", "x-shop-forwarded-for"]);

export function stampPeer(req) {
  const forwarded = req.headers["x-forwarded-for"];
  for (const name of OWN) delete req.headers[name];
  // Next also reads the raw header list in places: strip the client's copies there too.
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (!OWN.has(req.rawHeaders[i].toLowerCase())) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const peer = req.socket.remoteAddress ?? "";
  req.headers["x-shop-peer-address"] = peer;
  raw.push("x-shop-peer-address", peer);
  if (forwarded !== undefined) {
    const value = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
    req.headers["x-shop-forwarded-for"] = value;
    raw.push("x-shop-forwarded-for", value);
  }
  req.rawHeaders = raw;
}

// Next buffers a request body it runs the proxy for until the body has fully arrived; a body
// declared larger than anything the shop accepts is refused here, before a byte of it is read.
const MAX_BODY_BYTES = Number(process.env.SHOP_MAX_BODY_BYTES) > 0 ? Number(process.env.SHOP_MAX_BODY_BYTES) : 1024 * 1024;

export function tooLarge(req, res) {
  const declared = req.headers["content-length"];
  if (declared === undefined || Number(declared) <= MAX_BODY_BYTES) return false;
  res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
  res.end("Request body too large.\n");
  req.socket.destroySoon?.();
  return true;
}

