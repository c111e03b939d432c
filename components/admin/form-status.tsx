/** The line above a back-office form: what went wrong, or that it was saved. */
export function FormStatus({ error, saved }: { error?: string; saved?: string }) {
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        {error}
      </p>
    );
  }
  if (saved) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
        {saved}
      </p>
    );
  }
  return null;
}
