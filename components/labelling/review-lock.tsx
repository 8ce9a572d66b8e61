"use client";

import { useEffect, useState } from "react";

// The claim's remaining time. At expiry the slot goes back to the queue: someone else may claim it, and
// a submit from here is refused (409), so the reviewer is told before typing more.

export function LockTimer({ expiresAt, lockMinutes }: { expiresAt: string | null; lockMinutes: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!expiresAt) return null;
  const left = Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
  if (left === 0) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
        Your lock expired: the item is back in the queue and a submit will be refused. Press <kbd className="font-mono">j</kbd> to claim again.
      </p>
    );
  }
  const mm = String(Math.floor(left / 60)).padStart(2, "0");
  const ss = String(left % 60).padStart(2, "0");
  return (
    <p className={`text-xs ${left < 120 ? "text-amber-700 dark:text-amber-400" : "text-zinc-500"}`} title={`A claim holds the item for ${lockMinutes} minutes; after that it goes back to the queue and anyone may take it.`}>
      Locked for you · <span className="font-mono tabular-nums" data-testid="lock-remaining">{mm}:{ss}</span> left, then the item goes back to the queue
    </p>
  );
}
