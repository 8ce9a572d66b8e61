import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutboundUrl, createGuardedFetch, OutboundRefusedError, parseAllowlist, refusalFor } from "./outbound";

const none = parseAllowlist("");

describe("address ranges", () => {
  it("refuses loopback, private, link-local / metadata, unique-local, CGNAT and mapped forms", () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0", "::1", "fd00:ec2::254", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "224.0.0.1"]) {
      expect(refusalFor(ip, none), ip).not.toBeNull();
    }
  });

  it("allows public addresses, and private ones only when allowlisted", () => {
    expect(refusalFor("8.8.8.8", none)).toBeNull();
    expect(refusalFor("2606:4700:4700::1111", none)).toBeNull();
    const lan = parseAllowlist("10.0.0.0/8, 127.0.0.1");
    expect(refusalFor("10.20.30.40", lan)).toBeNull();
    expect(refusalFor("127.0.0.1", lan)).toBeNull();
    expect(refusalFor("127.0.0.2", lan)).not.toBeNull();
    expect(refusalFor("169.254.169.254", lan)).not.toBeNull();
  });
});

describe("URLs when saved", () => {
  it("refuses private targets, odd schemes, embedded credentials and metadata hosts with a reason", async () => {
    const cases: [string, RegExp][] = [
      ["http://127.0.0.1:11434/v1", /loopback/],
      ["http://localhost:8000/v1", /loopback/],
      ["http://169.254.169.254/latest/meta-data", /linkLocal/],
      ["http://[::ffff:10.0.0.1]/", /private/],
      ["file:///etc/passwd", /only http and https/],
      ["https://user:pass@api.example.com/v1", /credentials/],
      ["http://metadata.google.internal/computeMetadata/v1", /metadata/],
      ["not a url", /not a valid URL/],
    ];
    for (const [url, reason] of cases) {
      await expect(checkOutboundUrl(url, none), url).rejects.toThrow(reason);
    }
  });

  it("accepts allowlisted local model servers", async () => {
    await expect(checkOutboundUrl("http://localhost:11434/v1", parseAllowlist("localhost"))).resolves.toBeInstanceOf(URL);
    await expect(checkOutboundUrl("http://127.0.0.1:1234/v1", parseAllowlist("127.0.0.1"))).resolves.toBeInstanceOf(URL);
  });
});

describe("guarded fetch at connect time", () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/to-metadata") return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
      if (req.url === "/to-ip") return res.writeHead(302, { location: `http://127.0.0.1:${port}/ok` }).end();
      if (req.url === "/to-ok") return res.writeHead(301, { location: "/ok" }).end();
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("refuses a host that resolves to loopback unless allowlisted", async () => {
    await expect(createGuardedFetch(none)(`http://localhost:${port}/ok`)).rejects.toThrow();
    const res = await createGuardedFetch(parseAllowlist("localhost"))(`http://localhost:${port}/ok`);
    expect(await res.text()).toBe("ok");
  });

  it("follows redirects on allowed hosts and checks every hop", async () => {
    const fetchLocal = createGuardedFetch(parseAllowlist("localhost"));
    expect(await (await fetchLocal(`http://localhost:${port}/to-ok`)).text()).toBe("ok");
    await expect(fetchLocal(`http://localhost:${port}/to-metadata`)).rejects.toBeInstanceOf(OutboundRefusedError);
    // an allowlisted name does not allowlist the address behind it
    await expect(fetchLocal(`http://localhost:${port}/to-ip`)).rejects.toThrow(/loopback/);
  });
});
