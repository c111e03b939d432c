export function StockBadge({ stock, leadTimeDays }: { stock: number; leadTimeDays: number }) {
  const days = `${leadTimeDays} day${leadTimeDays === 1 ? "" : "s"}`;
  return stock > 0 ? (
    <p className="stock-note text-green-800">In stock · delivery in {days}</p>
  ) : (
    <p className="stock-note text-amber-800">Out of stock · delivery on request (usually {days})</p>
  );
}
