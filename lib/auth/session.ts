import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { findUserById } from "../members/repo";

/** The signed-in, enabled user, or null. Re-read from the database so removals apply at once. */
export async function currentUser() {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await findUserById(id);
  return user && !user.disabledAt ? user : null;
}
