import { assertCan, type Principal } from "../../authz/principal";
import { createGuardedFetch } from "../../net/outbound";
import { createProviderClient } from "../../providers/client";
import { findChatModelOnConnection, recordConnectionTest } from "./repo";
import { connectionForUse, outboundAllowlist } from "./service";

/** A provider client for a stored connection: secret decrypted, every request through the URL guard. */
export async function providerClientFor(projectId: string, connectionId: string) {
  const config = await connectionForUse(projectId, connectionId);
  return createProviderClient(config, { fetch: createGuardedFetch(outboundAllowlist()) as unknown as typeof fetch });
}

/**
 * "Test connection": lists the provider's models; where the server cannot list them (llama.cpp,
 * some gateways), runs a one-token completion with a chat model registered on the connection.
 * Records the outcome.
 */
export async function testConnection(principal: Principal, connectionId: string) {
  assertCan(principal, "registry:write");
  const client = await providerClientFor(principal.projectId, connectionId);
  const probe = await findChatModelOnConnection(principal.projectId, connectionId);
  const result = await client.testConnection(probe ? { model: probe.providerModelId } : {});
  await recordConnectionTest(connectionId, result.ok, result.message);
  return result;
}
