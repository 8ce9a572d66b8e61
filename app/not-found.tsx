import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="mt-1 text-lg font-semibold">Nothing here</h1>
      <p className="mt-2 text-sm text-zinc-500">The page or project does not exist, or you are not a member of it.</p>
      <Link href="/" className="mt-4 inline-block text-sm underline">Back to the console</Link>
    </main>
  );
}
