import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <p className="text-sm font-medium text-zinc-500">403</p>
      <h1 className="mt-1 text-lg font-semibold">Your role does not allow this page</h1>
      <p className="mt-2 text-sm text-zinc-500">Ask a project admin if you need access.</p>
      <Link href="/" className="mt-4 inline-block text-sm underline">Back to the console</Link>
    </main>
  );
}
