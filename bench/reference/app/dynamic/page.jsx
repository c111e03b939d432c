import { cookies } from "next/headers";

// Rendered per request (it reads a cookie) but touches no database: what a dynamic render alone
// costs, below which no per-request shop page can go.
export default async function Dynamic() {
  const visitor = (await cookies()).get("visitor")?.value ?? "anonymous";
  return (
    <main>
      <h1>Hello, {visitor}</h1>
    </main>
  );
}
