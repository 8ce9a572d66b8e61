import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from "undici";

// Outbound URL guard for every user-supplied URL (provider base URLs, external retrievers). A URL
// may not reach loopback, private, link-local (cloud metadata lives at 169.254.169.254), unique-local,
// carrier-grade NAT or other special ranges unless OUTBOUND_ALLOWLIST names the host or its range
// (local model servers are legitimate). Checked when saved, and again at connect time inside the
// socket's DNS lookup — so DNS rebinding and redirects to internal hosts are caught too.

export interface Allowlist {
  hosts: Set<string>;
  ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export class OutboundRefusedError extends Error {}

const ALWAYS_REFUSED_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "metadata.azure.com"]);
const ALLOWED_RANGES = new Set(["unicast"]);

export function parseAllowlist(value: string): Allowlist {
  const hosts = new Set<string>();
  const ranges: Allowlist["ranges"] = [];
  for (const raw of value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (raw.includes("/")) {
      ranges.push(ipaddr.parseCIDR(raw));
    } else if (ipaddr.isValid(raw)) {
      const ip = normalise(ipaddr.parse(raw));
      ranges.push([ip, ip.kind() === "ipv4" ? 32 : 128]);
    } else {
      hosts.add(raw);
    }
  }
  return { hosts, ranges };
}

function normalise(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
}

/** Why an address may not be reached, or null when it may. */
export function refusalFor(address: string, allow: Allowlist): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const ip = normalise(ipaddr.parse(address));
  if (allow.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match([net, bits] as never))) return null;
  const range = ip.range();
  return ALLOWED_RANGES.has(range) ? null : `${address} is in a ${range} range`;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/** Validates a URL as given by a user; resolves its host now and checks every address. */
export async function checkOutboundUrl(raw: string, allow: Allowlist): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefusedError("not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundRefusedError("only http and https URLs are allowed");
  if (url.username || url.password) throw new OutboundRefusedError("credentials in the URL are not allowed; use the secret field");
  const host = hostOf(url);
  if (ALWAYS_REFUSED_HOSTS.has(host)) throw new OutboundRefusedError(`${host} is a cloud metadata host`);
  if (allow.hosts.has(host)) return url;
  const addresses = ipaddr.isValid(host)
    ? [host]
    : await dns.promises.lookup(host, { all: true, verbatim: true }).then(
        (r) => r.map((a) => a.address),
        () => {
          throw new OutboundRefusedError(`${host} does not resolve`);
        },
      );
  for (const address of addresses) {
    const why = refusalFor(address, allow);
    if (why) throw new OutboundRefusedError(`${host} resolves to ${why}; add it to OUTBOUND_ALLOWLIST if this server is meant to be reached`);
  }
  return url;
}

/** A DNS lookup that refuses addresses the guard would refuse (used for every socket we open). */
export function guardedLookup(allow: Allowlist, allowedHost: (host: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as unknown as dns.LookupAddress[];
      if (!allowedHost(hostname.toLowerCase())) {
        for (const a of list) {
          const why = refusalFor(a.address, allow);
          if (why) return callback(new OutboundRefusedError(`refused to connect to ${hostname}: ${why}`), "", 4);
        }
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

const MAX_REDIRECTS = 5;

/**
 * fetch for user-supplied URLs: every connection goes through the guarded lookup (IP literals are
 * checked before connecting), and redirects are followed by hand so each hop is checked again.
 */
export function createGuardedFetch(allow: Allowlist) {
  const allowedHost = (host: string) => allow.hosts.has(host);
  const agent = new Agent({ connect: { lookup: guardedLookup(allow, allowedHost) } });
  return async function guardedFetch(input: string, init: UndiciRequestInit = {}): Promise<Response> {
    let url = new URL(input);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const host = hostOf(url);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundRefusedError(`refused redirect to ${url.protocol} URL`);
      if (ALWAYS_REFUSED_HOSTS.has(host)) throw new OutboundRefusedError(`${host} is a cloud metadata host`);
      if (ipaddr.isValid(host) && !allowedHost(host)) {
        const why = refusalFor(host, allow);
        if (why) throw new OutboundRefusedError(`refused to connect to ${why}`);
      }
      const res = await undiciFetch(url, { ...init, redirect: "manual", dispatcher: agent });
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => {});
        url = new URL(location, url);
        continue;
      }
      return res as unknown as Response;
    }
    throw new OutboundRefusedError(`more than ${MAX_REDIRECTS} redirects`);
  };
}

export type GuardedFetch = ReturnType<typeof createGuardedFetch>;
