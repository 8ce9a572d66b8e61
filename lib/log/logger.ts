import pino from "pino";

// Structured JSON logs. Credentials and personal fields are redacted by path wherever they appear.
const REDACT = [
  "password", "*.password", "secret", "*.secret", "token", "*.token", "apiKey", "*.apiKey", "key", "*.key",
  "email", "*.email", "authorization", "*.authorization", "cookie", "*.cookie",
  "headers.authorization", "headers.cookie", "req.headers.authorization", "req.headers.cookie",
];

export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: process.env.FLIGHTDECK_SERVICE || "web" },
  redact: { paths: REDACT, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;
