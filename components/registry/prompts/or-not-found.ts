import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** For pages: a service's 404 becomes Next's not-found page; anything else propagates. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
