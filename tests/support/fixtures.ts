import { customers, categories, priceListPrices, priceLists, products, users, customerPrices } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";

let counter = 0;
const unique = () => `${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

type ProductInput = Partial<typeof products.$inferInsert>;

/** A small, explicit world per test: a category, products, a B2B customer with prices, a consumer. */
export async function makeWorld(options: { products?: ProductInput[] } = {}) {
  const db = await getDb();
  const u = unique();
  const [category] = await db.insert(categories).values({ slug: `cat-${u}`, name: `Category ${u}` }).returning();
  const defaults: ProductInput[] = options.products ?? [
    { name: "Sechskantschraube M8x40", unit: "C62", priceUnit: 100, listPrice: "12.5000", minQuantity: 100, packQuantity: 100, vatRate: "19.00" },
    { name: "Drehmomentschlüssel 40-200 Nm", unit: "C62", priceUnit: 1, listPrice: "129.0000", vatRate: "19.00" },
    { name: "Kopierpapier A4", unit: "BX", priceUnit: 1, listPrice: "24.9000", vatRate: "7.00" },
  ];
  const created = await db
    .insert(products)
    .values(
      defaults.map((p, i) => ({
        sku: `T-${u}-${i}`,
        slug: `p-${u}-${i}`,
        name: `Product ${i}`,
        unit: "C62",
        listPrice: "10.0000",
        categoryId: category!.id,
        stock: 100,
        ...p,
      })),
    )
    .returning();
  const [list] = await db.insert(priceLists).values({ code: `PL-${u}`, name: "Test list" }).returning();
  const [b2b] = await db.insert(customers).values({ kind: "b2b", name: "Müller GmbH", debtorNumber: `D${u}`, priceListId: list!.id, ociVendorNumber: "4711" }).returning();
  const [consumer] = await db.insert(customers).values({ kind: "consumer", name: "Sabine" }).returning();
  const passwordHash = await hashPassword("secret-pass-1");
  const [buyer] = await db.insert(users).values({ customerId: b2b!.id, email: `buyer-${u}@example.com`, name: "Jan", passwordHash, isPrimary: true }).returning();
  const [shopper] = await db.insert(users).values({ customerId: consumer!.id, email: `shopper-${u}@example.com`, name: "Sabine", passwordHash, isPrimary: true }).returning();
  const [operator] = await db.insert(users).values({ customerId: consumer!.id, email: `admin-${u}@example.com`, name: "Olga Operator", passwordHash, role: "admin" }).returning();
  const viewerOf = (user: typeof buyer, customer: typeof b2b): Viewer => ({
    userId: user!.id,
    email: user!.email,
    name: user!.name,
    role: user!.role,
    customer: { id: customer!.id, kind: customer!.kind, name: customer!.name, debtorNumber: customer!.debtorNumber, priceListId: customer!.priceListId, ociVendorNumber: customer!.ociVendorNumber, vatMode: customer!.vatMode },
  });
  return {
    db,
    category: category!,
    products: created,
    priceList: list!,
    b2b: b2b!,
    consumer: consumer!,
    buyer: buyer!,
    shopper: shopper!,
    operator: operator!,
    buyerViewer: viewerOf(buyer, b2b),
    /** A signed-in operator (role admin): the only viewer the back office answers. */
    adminViewer: viewerOf(operator, consumer),
    shopperViewer: viewerOf(shopper, consumer),
    async listPrice(productId: number, minQuantity: number, price: string) {
      await db.insert(priceListPrices).values({ priceListId: list!.id, productId, minQuantity, price });
    },
    async customerPrice(productId: number, minQuantity: number, price: string) {
      await db.insert(customerPrices).values({ customerId: b2b!.id, productId, minQuantity, price });
    },
  };
}
