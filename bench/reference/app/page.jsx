import Link from "next/link";

// Fully static (prerendered at build time): 24 product cards like one catalog listing page (≈12 kB
// of markup plus Next's inline payload), so its req/s and latency are the ceiling a cached catalog
// page could reach on this machine.
export const dynamic = "force-static";

const items = Array.from({ length: 24 }, (_, i) => {
  const n = 10001 + i;
  return {
    sku: `FAS-${n}`,
    name: `Hexagon head screw DIN 933 M${6 + (i % 10)} x ${20 + i * 5} mm, steel 8.8, zinc plated`,
    price: `€ ${(0.12 + i * 0.37).toFixed(2).replace(".", ",")} / 100 pcs`,
    text: `Bright zinc plated, partially threaded, pack of 100. For machine building and steel construction.`,
    slug: `hexagon-head-screw-din-933-m${6 + (i % 10)}-x-${20 + i * 5}-fas-${n}`,
  };
});

export default function Home() {
  return (
    <main>
      <h1>Fasteners</h1>
      <p>{items.length} of 1,000 products</p>
      <ul className="grid">
        {items.map((item) => (
          <li key={item.sku} className="card">
            <p>{item.sku}</p>
            <h2>
              <Link href={`/products/${item.slug}`}>{item.name}</Link>
            </h2>
            <p>{item.text}</p>
            <p className="price">{item.price}</p>
            <p>In stock · ships in 1–2 days</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
