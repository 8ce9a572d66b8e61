import { describe, expect, it } from "vitest";
import { asciiDigits, ibanValid, luhnValid, saudiIdValid, ssnStructureValid } from "./checksums";

describe("Luhn", () => {
  it("accepts real test card numbers and rejects a changed digit", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("5555555555554444")).toBe(true);
    expect(luhnValid("378282246310005")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("5555555555554445")).toBe(false);
  });

  it("refuses non-digits and trivially short input", () => {
    expect(luhnValid("4111-1111")).toBe(false);
    expect(luhnValid("0")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });
});

describe("IBAN mod 97", () => {
  it("accepts the registry examples, with or without spaces and in lower case", () => {
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanValid("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(ibanValid("gb82west12345698765432")).toBe(true);
    expect(ibanValid("DE89370400440532013000")).toBe(true);
  });

  it("accepts a Saudi IBAN (SA + 22 digits) and rejects it with a wrong check digit", () => {
    expect(ibanValid("SA0380000000608010167519")).toBe(true);
    expect(ibanValid("SA03 8000 0000 6080 1016 7519")).toBe(true);
    expect(ibanValid("SA0480000000608010167519")).toBe(false);
  });

  it("rejects a wrong length for the country and unknown countries", () => {
    expect(ibanValid("GB82WEST1234569876543")).toBe(false);
    expect(ibanValid("SA038000000060801016751")).toBe(false);
    expect(ibanValid("ZZ82WEST12345698765432")).toBe(false);
  });
});

describe("Saudi national id / iqama", () => {
  it("accepts ten digits starting with 1 (citizen) or 2 (resident) whose Luhn check holds", () => {
    expect(saudiIdValid("1000000008")).toBe(true);
    expect(saudiIdValid("2000000006")).toBe(true);
  });

  it("rejects a wrong check digit, another first digit or another length", () => {
    expect(saudiIdValid("1000000000")).toBe(false);
    expect(saudiIdValid("3000000004")).toBe(false);
    expect(saudiIdValid("100000008")).toBe(false);
  });

  it("reads Arabic-Indic digits", () => {
    expect(asciiDigits("١٠٠٠٠٠٠٠٠٨")).toBe("1000000008");
    expect(saudiIdValid(asciiDigits("١٠٠٠٠٠٠٠٠٨"))).toBe(true);
  });
});

describe("US SSN structure", () => {
  it("rejects the areas and groups the SSA never issues", () => {
    expect(ssnStructureValid("123456789")).toBe(true);
    expect(ssnStructureValid("000456789")).toBe(false);
    expect(ssnStructureValid("666456789")).toBe(false);
    expect(ssnStructureValid("912456789")).toBe(false);
    expect(ssnStructureValid("123006789")).toBe(false);
    expect(ssnStructureValid("123450000")).toBe(false);
  });
});
