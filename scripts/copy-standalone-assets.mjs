// The standalone output leaves static assets out (a CDN may serve them); for `npm start` and any
// plain Node host they must sit beside server.js.
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { precompress } from "./static-brotli.mjs";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, ".next", "standalone");
if (!existsSync(target)) throw new Error("no standalone output: is output: 'standalone' still set in next.config.ts?");
cpSync(path.join(root, ".next", "static"), path.join(target, ".next", "static"), { recursive: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(target, "public"), { recursive: true });
precompress(path.join(target, ".next", "static"));
