// The PII vocabulary shared by the scrubber, the trace pipeline and the benchmark. Each type has one
// placeholder (what stored text shows) and one benchmark entity name (what `guard:pii` prints, in the
// naming of the public Presidio benchmarks), defined here and nowhere else.

export const PII_TYPES = [
  "EMAIL",
  "PHONE",
  "CREDIT_CARD",
  "IBAN",
  "US_SSN",
  "SA_NATIONAL_ID",
  "IP_ADDRESS",
  "STREET_ADDRESS",
  "PERSON",
  "US_DRIVER_LICENSE",
] as const;

export type PiiType = (typeof PII_TYPES)[number];

/** A detected value: JS string indices, `end` exclusive. */
export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType;
}

// US SSN and the Saudi national id / iqama share a placeholder: both are a national identity number,
// and the stored text need not say which country issued it (the `found` list keeps the precise type).
export const PLACEHOLDER: Record<PiiType, string> = {
  EMAIL: "<EMAIL>",
  PHONE: "<PHONE>",
  CREDIT_CARD: "<CREDIT_CARD>",
  IBAN: "<IBAN>",
  US_SSN: "<NATIONAL_ID>",
  SA_NATIONAL_ID: "<NATIONAL_ID>",
  IP_ADDRESS: "<IP_ADDRESS>",
  STREET_ADDRESS: "<STREET_ADDRESS>",
  PERSON: "<PERSON>",
  US_DRIVER_LICENSE: "<US_DRIVER_LICENSE>",
};

// Presidio has no Saudi recognizer; SA_NATIONAL_ID follows its country-prefixed naming (UK_NHS, IN_PAN).
export const BENCHMARK_ENTITY: Record<PiiType, string> = {
  EMAIL: "EMAIL_ADDRESS",
  PHONE: "PHONE_NUMBER",
  CREDIT_CARD: "CREDIT_CARD",
  IBAN: "IBAN_CODE",
  US_SSN: "US_SSN",
  SA_NATIONAL_ID: "SA_NATIONAL_ID",
  IP_ADDRESS: "IP_ADDRESS",
  STREET_ADDRESS: "STREET_ADDRESS",
  PERSON: "PERSON",
  US_DRIVER_LICENSE: "US_DRIVER_LICENSE",
};
