// A deterministic demo catalogue of an industrial wholesaler (MRO: fasteners, tools, safety gear …).
// Pure: no database, no Math.random. The same `products` count always yields the same rows, and a
// smaller catalogue is a prefix of a larger one.
import { ANCHOR_SEEDS } from "./anchors";
import { at, TOPS, type Lang, type Leaf, type Made, type Template, type Top } from "./tree";
import { productSlug, slugify, type Catalog, type CategorySeed, type ProductSeed } from "./types";

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and money helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x5eed_0c1;

/** Euros (float from a price formula) → "12.3400": rounded to whole cents, four decimals. */
function money(euros: number): string {
  const cents = Math.max(1, Math.round(euros * 100));
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}00`;
}

// ---------------------------------------------------------------------------------------------
// Generation

const SENTENCES: Record<Lang, readonly string[]> = {
  de: [
    "Lieferung ab Lager in Industriequalität.",
    "Ideal für Montage, Instandhaltung und Produktion.",
    "Staffelpreise und Rahmenverträge auf Anfrage.",
    "Geprüfte Qualität mit vollständiger Chargenrückverfolgung.",
    "Auch über Ihr Beschaffungssystem per OCI bestellbar.",
  ],
  nl: [
    "Direct uit voorraad leverbaar.",
    "Geschikt voor montage, onderhoud en productie.",
    "Staffelprijzen en raamcontracten op aanvraag.",
    "Ook te bestellen via uw inkoopsysteem met OCI.",
  ],
  en: [
    "Shipped from stock in industrial quality.",
    "Suitable for assembly, maintenance and production.",
    "Volume pricing available on request.",
    "Also available through your procurement system via OCI.",
  ],
};

type FlatLeaf = Leaf & { top: Top; combos: number[] };

function flatten(): FlatLeaf[] {
  const out: FlatLeaf[] = [];
  // Interleave the leaves of different top categories so any prefix of the catalogue is varied.
  const maxLeaves = Math.max(...TOPS.map((t) => t.leaves.length));
  for (let l = 0; l < maxLeaves; l++) {
    for (const top of TOPS) {
      const leaf = top.leaves[l];
      if (leaf) out.push({ ...leaf, top, combos: leaf.templates.map((t) => t.dims.reduce((p, d) => p * d.length, 1)) });
    }
  }
  return out;
}

const LEAVES = flatten();

function categoriesOf(): CategorySeed[] {
  const list: CategorySeed[] = [];
  TOPS.forEach((top, ti) => {
    list.push({ slug: top.slug, name: top.name, description: top.description, position: ti, parentSlug: null });
    top.leaves.forEach((leaf, li) =>
      list.push({ slug: leaf.slug, name: leaf.name, description: leaf.description, position: li, parentSlug: top.slug }),
    );
  });
  return list;
}

/** Generated-product positions (after the anchors) that are featured, in addition to two anchors. */
const FEATURED_AT = new Set([3, 10, 17, 26, 33, 41]);

function digits(rng: () => number, count: number): string {
  let s = "";
  for (let i = 0; i < count; i++) s += Math.floor(rng() * 10);
  return s;
}

export function generateCatalog(options: { products: number }): Catalog {
  const total = Math.max(0, Math.floor(options.products));
  const result: ProductSeed[] = ANCHOR_SEEDS.slice(0, total).map((p) => ({ ...p }));
  const names = new Set(result.map((p) => p.name));
  const counters = new Map<string, number>();
  for (const a of ANCHOR_SEEDS) counters.set(a.sku.slice(0, 3), (counters.get(a.sku.slice(0, 3)) ?? 0) + 1);
  const perLeaf = new Array<number>(LEAVES.length).fill(0);
  const madeCache = new Map<Template, { made: Made; base: string; slug: string }[]>();

  for (let g = 0; result.length < total; g++) {
    const leafIndex = g % LEAVES.length;
    const leaf = LEAVES[leafIndex]!;
    const k = perLeaf[leafIndex]!++;
    const templateIndex = k % leaf.templates.length;
    const template = leaf.templates[templateIndex]!;
    const combos = leaf.combos[templateIndex]!;
    const inner = Math.floor(k / leaf.templates.length);
    const cycle = Math.floor(inner / combos);
    // A stride coprime to most combination counts spreads the first products over sizes and finishes.
    let rest = (inner * 7) % combos;
    if (combos % 7 === 0) rest = inner % combos;
    let cache = madeCache.get(template);
    if (!cache) madeCache.set(template, (cache = []));
    let entry = cache[rest];
    if (!entry) {
      const values: string[] = [];
      const indices: number[] = [];
      let r = rest;
      for (const dim of template.dims) {
        const idx = r % dim.length;
        r = Math.floor(r / dim.length);
        values.push(dim[idx]!);
        indices.push(idx);
      }
      const made = template.make(values, indices);
      const base = made.name.replace(/\s+/g, " ").trim();
      entry = cache[rest] = { made, base, slug: slugify(base) };
    }
    const { made } = entry;
    const rng = mulberry32(SEED ^ Math.imul(g + 1, 0x9e3779b1));

    const top = leaf.top;
    const seq = counters.get(top.prefix) ?? 0;
    counters.set(top.prefix, seq + 1);
    const sku = `${top.prefix}-${top.skuBase + seq}`;

    const brand = at(leaf.brands, cycle + Math.floor(rng() * leaf.brands.length));
    // Slugs are built from already slugified parts: slugify(a + " – " + b) === slugify(a) + "-" + slugify(b).
    let name = entry.base;
    let slugBase = entry.slug;
    const suffix = (text: string) => {
      name += ` – ${text}`;
      slugBase += `-${slugify(text)}`;
    };
    if (cycle > 0) suffix(cycle < leaf.brands.length ? brand : `${brand} Serie ${cycle}`);
    if (names.has(name)) suffix(brand);
    if (names.has(name)) {
      name += ` (${sku})`;
      slugBase += `-${sku.toLowerCase()}`;
    }
    names.add(name);

    const priceUnit = made.priceUnit ?? 1;
    const pack = made.pack ?? priceUnit;
    const min = made.min ?? pack;
    const jitter = 0.94 + rng() * 0.14;
    const price = made.price * jitter * (cycle > 0 ? 1 + (cycle % 5) * 0.04 : 1);

    const pool = SENTENCES[template.lang];
    const first = Math.floor(rng() * pool.length);
    const extra = rng() < 0.5 ? 1 : 2;
    const sentences = [made.info];
    for (let s = 0; s < extra; s++) sentences.push(at(pool, first + s));
    if (priceUnit > 1) {
      sentences.push(
        template.lang === "nl" ? `Prijs per ${priceUnit} stuks.` : template.lang === "en" ? `Price per ${priceUnit} pieces.` : `Preis pro ${priceUnit} Stück.`,
      );
    }

    const featured = FEATURED_AT.has(g);
    const active = featured || g % 61 !== 47;
    const outOfStock = !featured && rng() < 0.05;
    const stockUnits = Math.max(min, pack) * (1 + Math.floor(rng() * rng() * 400));
    const leadRoll = rng();
    const leadTimeDays = leadRoll < 0.6 ? 1 + Math.floor(rng() * 3) : leadRoll < 0.9 ? 3 + Math.floor(rng() * 5) : 8 + Math.floor(rng() * 14);
    const brandCode = brand
      .split(/\s+/)
      .map((w) => w[0] ?? "")
      .join("")
      .toUpperCase()
      .replace(/[^A-Z]/g, "X");

    result.push({
      sku,
      slug: `${slugBase}-${sku.toLowerCase()}`,
      name,
      description: sentences.join(" "),
      manufacturer: brand,
      manufacturerPartNumber: `${brandCode.length > 1 ? brandCode : brand.slice(0, 3).toUpperCase()}-${digits(rng, 3)}-${digits(rng, 4)}`,
      unit: made.unit,
      priceUnit,
      listPrice: money(price),
      currency: "EUR",
      vatRate: made.vat ?? "19.00",
      leadTimeDays: Math.min(21, Math.max(1, leadTimeDays)),
      unspsc: made.unspsc ?? leaf.unspsc,
      stock: outOfStock ? 0 : stockUnits,
      minQuantity: min,
      packQuantity: pack,
      active,
      featured,
      categorySlug: leaf.slug,
    });
  }
  return { categories: categoriesOf(), products: result };
}

/** The top-level category slug for a leaf (or top-level) category slug. */
export function topCategorySlug(categorySlug: string): string {
  for (const top of TOPS) {
    if (top.slug === categorySlug || top.leaves.some((l) => l.slug === categorySlug)) return top.slug;
  }
  return categorySlug;
}
