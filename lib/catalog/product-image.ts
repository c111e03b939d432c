// Generated product pictures: a flat icon per top-level category on a soft background, with the SKU.
// Pure and deterministic, so the image route can cache it forever per SKU.

export type ProductImageInput = { sku: string; name: string; categorySlug: string };

const SIZE = 400;

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

type Palette = { bg: string; fg: string; accent: string };

// Icons are drawn in a 200×200 box centred in the picture; `fg` is the main colour, `accent` the detail.
const ICONS: Record<string, { palette: Palette; draw: (p: Palette) => string }> = {
  // Hex bolt
  fasteners: {
    palette: { bg: "#e8eef5", fg: "#5b6b7f", accent: "#8da0b6" },
    draw: ({ fg, accent }) =>
      `<polygon points="60,20 140,20 160,50 140,80 60,80 40,50" fill="${fg}"/>` +
      `<rect x="82" y="80" width="36" height="110" fill="${accent}"/>` +
      [92, 108, 124, 140, 156, 172].map((y) => `<line x1="82" y1="${y}" x2="118" y2="${y + 8}" stroke="${fg}" stroke-width="4"/>`).join(""),
  },
  // Open-end wrench
  "hand-tools": {
    palette: { bg: "#f5ede4", fg: "#8a6d4b", accent: "#c49a6c" },
    draw: ({ fg }) =>
      `<g transform="rotate(-45 100 100)">` +
      `<rect x="88" y="45" width="24" height="120" rx="8" fill="${fg}"/>` +
      `<path d="M70 15 a30 30 0 1 0 60 0 l-14 0 l0 22 l-32 0 l0 -22 z" fill="${fg}"/>` +
      `<circle cx="100" cy="170" r="22" fill="${fg}"/><circle cx="100" cy="170" r="10" fill="#fff" opacity=".7"/></g>`,
  },
  // Drill
  "power-tools": {
    palette: { bg: "#fdf1e3", fg: "#d9822b", accent: "#4a4a4a" },
    draw: ({ fg, accent }) =>
      `<rect x="30" y="40" width="110" height="56" rx="14" fill="${fg}"/>` +
      `<rect x="140" y="56" width="20" height="24" fill="${accent}"/>` +
      `<rect x="160" y="64" width="34" height="8" fill="${accent}"/>` +
      `<path d="M70 96 l30 0 l-8 70 l-30 0 z" fill="${fg}"/>` +
      `<rect x="50" y="160" width="60" height="26" rx="6" fill="${accent}"/>`,
  },
  // Goggles
  "safety-gear": {
    palette: { bg: "#fffbe0", fg: "#e0b400", accent: "#5a7d9a" },
    draw: ({ fg, accent }) =>
      `<path d="M20 80 q80 -40 160 0 l0 40 q-20 30 -55 20 q-25 -20 -50 0 q-35 10 -55 -20 z" fill="${fg}"/>` +
      `<ellipse cx="62" cy="100" rx="30" ry="20" fill="${accent}" opacity=".85"/>` +
      `<ellipse cx="138" cy="100" rx="30" ry="20" fill="${accent}" opacity=".85"/>`,
  },
  // Stack of paper
  "office-supplies": {
    palette: { bg: "#eef3fb", fg: "#ffffff", accent: "#7a95c4" },
    draw: ({ fg, accent }) =>
      `<rect x="55" y="30" width="100" height="140" fill="${fg}" stroke="${accent}" stroke-width="4" transform="rotate(-6 100 100)"/>` +
      `<rect x="45" y="30" width="100" height="140" fill="${fg}" stroke="${accent}" stroke-width="4"/>` +
      [60, 80, 100, 120, 140].map((y) => `<line x1="62" y1="${y}" x2="128" y2="${y}" stroke="${accent}" stroke-width="4"/>`).join(""),
  },
  // Spray bottle
  "cleaning-hygiene": {
    palette: { bg: "#e6f6f4", fg: "#2a9d8f", accent: "#264653" },
    draw: ({ fg, accent }) =>
      `<rect x="70" y="80" width="70" height="110" rx="14" fill="${fg}"/>` +
      `<rect x="88" y="50" width="34" height="30" fill="${accent}"/>` +
      `<path d="M88 50 l-30 -6 l0 -14 l64 0 l0 20 z" fill="${accent}"/>` +
      `<circle cx="40" cy="34" r="4" fill="${fg}"/><circle cx="30" cy="24" r="3" fill="${fg}"/><circle cx="30" cy="44" r="3" fill="${fg}"/>`,
  },
  // Cable with plug
  "electrical-installation": {
    palette: { bg: "#fff3e6", fg: "#3d3d3d", accent: "#f4a261" },
    draw: ({ fg, accent }) =>
      `<path d="M20 170 C 60 170, 60 100, 100 100 S 140 40, 130 40" stroke="${fg}" stroke-width="12" fill="none" stroke-linecap="round"/>` +
      `<rect x="110" y="10" width="44" height="40" rx="6" fill="${accent}"/>` +
      `<rect x="120" y="-8" width="6" height="18" fill="${fg}"/><rect x="138" y="-8" width="6" height="18" fill="${fg}"/>`,
  },
  // Tube
  "adhesives-sealants": {
    palette: { bg: "#f3ecf8", fg: "#8e6bb0", accent: "#4d3866" },
    draw: ({ fg, accent }) =>
      `<path d="M40 60 l100 0 l0 80 l-100 0 l-10 -40 z" fill="${fg}"/>` +
      `<rect x="140" y="80" width="20" height="40" fill="${accent}"/>` +
      `<path d="M160 88 l26 8 l0 8 l-26 8 z" fill="${accent}"/>` +
      `<rect x="60" y="84" width="60" height="32" rx="4" fill="#fff" opacity=".6"/>`,
  },
  // Oil can
  "workshop-chemicals": {
    palette: { bg: "#eef5e6", fg: "#6a8d3a", accent: "#3b4d20" },
    draw: ({ fg, accent }) =>
      `<path d="M40 90 l90 0 l10 90 l-110 0 z" fill="${fg}"/>` +
      `<path d="M130 100 l60 -50 l6 8 l-56 56 z" fill="${accent}"/>` +
      `<rect x="70" y="70" width="30" height="20" fill="${accent}"/>` +
      `<path d="M194 66 q6 14 0 20 q-6 -6 0 -20 z" fill="${accent}"/>`,
  },
  // Tap
  plumbing: {
    palette: { bg: "#e6f1fa", fg: "#4a7fb0", accent: "#9cc3e6" },
    draw: ({ fg, accent }) =>
      `<rect x="20" y="90" width="60" height="36" fill="${fg}"/>` +
      `<path d="M80 80 l50 0 q30 0 30 30 l0 40 l-26 0 l0 -36 q0 -8 -8 -8 l-46 0 z" fill="${fg}"/>` +
      `<rect x="96" y="40" width="16" height="40" fill="${fg}"/><rect x="70" y="30" width="70" height="14" rx="7" fill="${fg}"/>` +
      `<path d="M147 160 q8 14 0 20 q-8 -6 0 -20 z" fill="${accent}"/>`,
  },
  // Crate
  "storage-transport": {
    palette: { bg: "#f6efe7", fg: "#b07d4f", accent: "#7a5433" },
    draw: ({ fg, accent }) =>
      `<rect x="25" y="55" width="150" height="110" fill="${fg}"/>` +
      `<rect x="25" y="55" width="150" height="16" fill="${accent}"/>` +
      `<rect x="25" y="149" width="150" height="16" fill="${accent}"/>` +
      `<line x1="25" y1="71" x2="175" y2="149" stroke="${accent}" stroke-width="10"/>` +
      `<rect x="80" y="90" width="40" height="14" rx="7" fill="${accent}"/>`,
  },
};

// Unknown category: a plain box.
const FALLBACK = {
  palette: { bg: "#eeeeee", fg: "#9e9e9e", accent: "#616161" },
  draw: ({ fg, accent }: Palette) =>
    `<rect x="40" y="50" width="120" height="110" rx="8" fill="${fg}"/><rect x="40" y="50" width="120" height="24" fill="${accent}"/>`,
};

/** A small, stable per-SKU variation so neighbouring products do not look identical. */
function hash(value: string): number {
  let h = 2166136261;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function productImageSvg(input: ProductImageInput): string {
  const icon = ICONS[input.categorySlug] ?? FALLBACK;
  const { palette } = icon;
  const h = hash(input.sku);
  const tilt = (h % 11) - 5;
  const dot = 40 + (h % 7) * 10;
  const title = escapeXml(input.name);
  const sku = escapeXml(input.sku);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${title}">` +
    `<title>${title}</title>` +
    `<rect width="${SIZE}" height="${SIZE}" fill="${palette.bg}"/>` +
    `<circle cx="${SIZE - dot}" cy="${dot}" r="${60 + (h % 5) * 8}" fill="#ffffff" opacity=".45"/>` +
    `<g transform="translate(100 90) rotate(${tilt} 100 100)">${icon.draw(palette)}</g>` +
    `<text x="${SIZE / 2}" y="${SIZE - 28}" text-anchor="middle" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="18" fill="#555">${sku}</text>` +
    `</svg>`
  );
}
