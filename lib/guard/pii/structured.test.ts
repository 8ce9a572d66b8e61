import { describe, expect, it } from "vitest";
import { detectPii } from "./detect";

/** [type, value] pairs of what the scrubber would mask. */
const found = (text: string) => detectPii(text).map((s) => [s.type, text.slice(s.start, s.end)]);

describe("e-mail", () => {
  it("finds addresses in English and Arabic text", () => {
    expect(found("You said your email is UshurmaDratchev@rhyta.com. Is that correct?")).toEqual([
      ["EMAIL", "UshurmaDratchev@rhyta.com"],
    ]);
    expect(found("راسلني على sara.alqahtani+work@mail.example.sa شكرا")).toEqual([["EMAIL", "sara.alqahtani+work@mail.example.sa"]]);
  });

  it("leaves handles and bare @ signs alone", () => {
    expect(found("ping @team about it, or meet @ 5")).toEqual([]);
  });
});

describe("phone numbers", () => {
  it.each([
    ["I would like to stop receiving messages to 541-714-1388", "541-714-1388"],
    ["Desk: +41 (0)96 471 07 95", "+41 (0)96 471 07 95"],
    ["Fax: 345-899-3560x4587", "345-899-3560x4587"],
    ["Can someone call me on 9472 7916? I have some questions", "9472 7916"],
    ["Mobile: 03.93.92.16.85", "03.93.92.16.85"],
    ["(579)888-3058 fax", "(579)888-3058"],
  ])("English: %s", (text, value) => {
    expect(found(text)).toEqual([["PHONE", value]]);
  });

  it.each([
    ["جوالي +966 55 123 4567", "+966 55 123 4567"],
    ["اتصل على 0551234567 بعد الظهر", "0551234567"],
    ["رقمي 966551234567", "966551234567"],
    ["WhatsApp: 055-123-4567", "055-123-4567"],
    ["هاتف المكتب (011) 465 2000", "(011) 465 2000"],
    ["جوال ٠٥٥١٢٣٤٥٦٧", "٠٥٥١٢٣٤٥٦٧"],
  ])("Saudi formats: %s", (text, value) => {
    expect(found(text)).toEqual([["PHONE", value]]);
  });

  it("does not take dates, times, amounts, years or order numbers for phone numbers", () => {
    expect(found("Date: 2015-12-22 04:34:22")).toEqual([]);
    expect(found("Delivered 28.08.2003, invoice total 1,299.99 USD")).toEqual([]);
    expect(found("Order 1234567 shipped in 2019 and 2020")).toEqual([]);
    expect(found("The range is 10-20 and the score 3.14159")).toEqual([]);
  });
});

describe("payment cards", () => {
  it("masks Luhn-valid numbers, grouped or not", () => {
    expect(found("What is the limit for card 4454794511390933?")).toEqual([["CREDIT_CARD", "4454794511390933"]]);
    expect(found("charge 4111 1111 1111 1111 please")).toEqual([["CREDIT_CARD", "4111 1111 1111 1111"]]);
    expect(found("amex 3782-822463-10005")).toEqual([["CREDIT_CARD", "3782-822463-10005"]]);
    expect(found("رقم البطاقة 5555555555554444")).toEqual([["CREDIT_CARD", "5555555555554444"]]);
  });

  it("leaves a number whose check digit is wrong", () => {
    expect(found("What is the limit for card 4454794511390934?")).toEqual([]);
    expect(found("I paid 4111111111111112 yesterday")).toEqual([]);
  });

  it("needs a card cue for short or unusual numbers that merely pass Luhn", () => {
    expect(found("tracking 000000000018 arrives")).toEqual([]);
    expect(found("my card 501864667909 was declined")).toEqual([["CREDIT_CARD", "501864667909"]]);
  });
});

describe("IBAN", () => {
  it("masks valid IBANs, including Saudi ones, and not an invalid one", () => {
    expect(found("My IBAN is GB59IFUE40226315499137")).toEqual([["IBAN", "GB59IFUE40226315499137"]]);
    expect(found("حوّل إلى الآيبان SA03 8000 0000 6080 1016 7519 من فضلك")).toEqual([["IBAN", "SA03 8000 0000 6080 1016 7519"]]);
    expect(found("My IBAN is GB59IFUE40226315499138")).toEqual([]);
  });
});

describe("national ids", () => {
  it("masks a US SSN in its dashed form, and spaced only when called an SSN", () => {
    expect(found("Here's my SSN: 460-89-9847")).toEqual([["US_SSN", "460-89-9847"]]);
    expect(found("social security number 460 89 9847")).toEqual([["US_SSN", "460 89 9847"]]);
    expect(found("رقم الضمان الاجتماعي الأمريكي 460-89-9847")).toEqual([["US_SSN", "460-89-9847"]]);
    expect(found("part 460 89 9847 in stock").map(([type]) => type)).not.toContain("US_SSN");
  });

  it("masks a Saudi national id or iqama only when its check digit holds", () => {
    expect(found("رقم الهوية 1000000008")).toEqual([["SA_NATIONAL_ID", "1000000008"]]);
    expect(found("Iqama no. 2000000006")).toEqual([["SA_NATIONAL_ID", "2000000006"]]);
    expect(found("رقم الإقامة ٢٠٠٠٠٠٠٠٠٦")).toEqual([["SA_NATIONAL_ID", "٢٠٠٠٠٠٠٠٠٦"]]);
    expect(found("Iqama no. 2000000007").map(([type]) => type)).not.toContain("SA_NATIONAL_ID");
  });
});

describe("IP addresses", () => {
  it("masks IPv4 and IPv6", () => {
    expect(found("keep getting address 41.173.96.26 blocked")).toEqual([["IP_ADDRESS", "41.173.96.26"]]);
    expect(found("client_ip = ?%20\\|106.31.73.20|%20/")).toEqual([["IP_ADDRESS", "106.31.73.20"]]);
    expect(found("from 6e40:4041:c617:e898:c11:40d2:c669:2eb4 blocked")).toEqual([["IP_ADDRESS", "6e40:4041:c617:e898:c11:40d2:c669:2eb4"]]);
    expect(found("الخادم fe80::1ff:fe23:4567:890a متوقف")).toEqual([["IP_ADDRESS", "fe80::1ff:fe23:4567:890a"]]);
  });

  it("leaves versions, times and out-of-range quads alone", () => {
    expect(found("upgrade to 1.2.3.4.5 at 12:13:52")).toEqual([]);
    expect(found("not an address: 300.1.1.1")).toEqual([]);
  });
});

describe("US driver's licence", () => {
  it("masks the number after a licence cue only", () => {
    expect(found("My driver's license number is F162823540116")).toEqual([["US_DRIVER_LICENSE", "F162823540116"]]);
    expect(found("my driver's license number is 2270-66-1551")).toEqual([["US_DRIVER_LICENSE", "2270-66-1551"]]);
    expect(found("رقم رخصة القيادة 6940579")).toEqual([["US_DRIVER_LICENSE", "6940579"]]);
  });
});
