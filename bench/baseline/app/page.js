// Rendered on every request, as the dashboard's pages are (they read the session).
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <h1>baseline</h1>
      <p>{new Date().toISOString()}</p>
    </main>
  );
}
