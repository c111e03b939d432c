export function OciBanner({ customerName }: { customerName: string }) {
  return (
    <div className="bg-amber-100 text-amber-950" role="status" data-testid="oci-banner">
      <div className="mx-auto max-w-7xl px-4 py-1.5 text-sm">
        <strong>Punchout session</strong> — {customerName}. Your basket goes back to your procurement system from the
        cart.
      </div>
    </div>
  );
}
