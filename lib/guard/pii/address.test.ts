import { describe, expect, it } from "vitest";
import { detectPii } from "./detect";

const addresses = (text: string) => detectPii(text).filter((s) => s.type === "STREET_ADDRESS").map((s) => text.slice(s.start, s.end));

describe("street addresses in English and European formats", () => {
  it.each([
    ["He lives at 1600 Pennsylvania Avenue NW, Washington, DC 20500.", "1600 Pennsylvania Avenue NW, Washington, DC 20500"],
    ["The restaurant is at 17151 2450 Crown St", "17151 2450 Crown St"],
    ["Tilly lives at 10252 Μεγάλη Άμμος 184, ΠΑΦΟΣ", "10252 Μεγάλη Άμμος 184, ΠΑΦΟΣ"],
    ["The bus station is on Villacher Strasse 89", "Villacher Strasse 89"],
    ["Our offices are located at 6076 Piroska u. 97.\nPorto Alegre\n, RS\n Brazil 95828", "6076 Piroska u. 97.\nPorto Alegre\n, RS\n Brazil 95828"],
    ["Please return to Unit 4719 Box 7394\nDPO AP 70942 in case of an issue.", "Unit 4719 Box 7394\nDPO AP 70942"],
    ["Meet me at P.O. Box 149", "P.O. Box 149"],
    ["send it to the corner of 159 Eleftheriou Venizelou str and Rennie Union", "the corner of 159 Eleftheriou Venizelou str and Rennie Union"],
    ["the bus drops you off at 74678 midtvollen 130", "74678 midtvollen 130"],
  ])("%s", (text, value) => {
    expect(addresses(text)).toEqual([value]);
  });

  it("takes the unit and the following address lines, and stops at prose", () => {
    const text = "I'll meet you at 25615 Tawastintie 72 Apt. 004\nKNIVSTA, nan 18237 after the concert.";
    expect(addresses(text)).toEqual(["25615 Tawastintie 72 Apt. 004\nKNIVSTA, nan 18237"]);
    const card = "send a new one to 1987 74 Diakou Street\n Suite 680\n Kissousa\n Cyprus 36903? I am in Sutri";
    expect(addresses(card)).toEqual(["1987 74 Diakou Street\n Suite 680\n Kissousa\n Cyprus 36903"]);
  });

  it("does not take the phone lines under an address", () => {
    const text = "Rua Igreja 25\n Apt. 236\n Ribeirão\n Portugal 30971\n21 253 109 8211-Office";
    expect(addresses(text)).toEqual(["Rua Igreja 25\n Apt. 236\n Ribeirão\n Portugal 30971"]);
  });

  it("leaves counts, dates, years and product names alone", () => {
    expect(addresses("Krisztián listed his top 20 songs for Entertainment Weekly")).toEqual([]);
    expect(addresses("The orchestra was founded in 1977. Since then it has grown")).toEqual([]);
    expect(addresses("We shipped 12 March 2024 and again on 3 April 2024")).toEqual([]);
    expect(addresses("Upgrade to Windows 10 before chapter 5")).toEqual([]);
    expect(addresses("He is a 61 year old man with 3 kids")).toEqual([]);
  });
});

describe("street addresses in Arabic", () => {
  it("finds street, district and city with the postcode", () => {
    const text = "أسكن في شارع الملك فهد، حي العليا، الرياض 12214";
    expect(addresses(text)).toEqual(["شارع الملك فهد، حي العليا، الرياض 12214"]);
  });

  it("includes a building number and a P.O. box", () => {
    expect(addresses("العنوان 8228 طريق الأمير سلطان في جدة")).toEqual(["8228 طريق الأمير سلطان"]);
    expect(addresses("أرسل الطرد إلى ص.ب 1234 جدة")).toEqual(["ص.ب 1234"]);
  });

  it("does not take a road word without a name after it", () => {
    expect(addresses("الطريق طويل في الشتاء")).toEqual([]);
  });
});
