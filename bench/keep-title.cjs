// Preloaded (node --require) into the benchmark's servers. Next renames its process to
// "next-server (vX)"; on a shared machine another session's clean-up by that name (pkill next-server)
// would stop the benchmark's servers mid-run. They keep a name of their own instead.
const title = "oci-shop-bench-server";
process.title = title;
Object.defineProperty(process, "title", { get: () => title, set: () => {}, configurable: true });
