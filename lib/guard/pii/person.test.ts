import { describe, expect, it } from "vitest";
import { detectPii } from "./detect";

const persons = (text: string) => detectPii(text).filter((s) => s.type === "PERSON").map((s) => text.slice(s.start, s.end));

describe("English person names", () => {
  it.each([
    ["My name is Aantje Mourik but everyone calls me Aantje", ["Aantje Mourik", "Aantje"]],
    ["For my take on Mrs. Lennox, see Guilty Pleasures", ["Lennox"]],
    ["Hello, this is Dr. Kyle Kuefer. Who are you?", ["Kyle Kuefer"]],
    ["Directed By:    Szabina J Gelencsér", ["Szabina J Gelencsér"]],
    ["Mr. Manning is a 85 year old man", ["Manning"]],
    ["Is there a better crafted pop song on this list? Park and Mann were precision engineers.", ["Park", "Mann"]],
    ["Willemine ten Pas will be talking in the conference", ["Willemine ten Pas"]],
    ["She was born on 7/30/1964. Her maiden name is Key", ["Key"]],
    ["Don't go to town, Mark!", ["Mark"]],
    ["follow up with patricia desrosiers in a couple of months.", ["patricia desrosiers"]],
    ["Dear Will, please call Frank Sinatra.", ["Will", "Frank Sinatra"]],
  ])("%s", (text, names) => {
    expect(persons(text)).toEqual(names);
  });

  it("does not take capitalised dictionary words, organisations, places or code names for people", () => {
    expect(persons("Capitalized words like Wisdom and Discipline are often mistaken with names.")).toEqual([]);
    expect(persons("She joined Rapid Cycle Solutions in Germany last May.")).toEqual([]);
    expect(persons("Deploy the GitHub action with config.Server set.")).toEqual([]);
    expect(persons("May I request a new statement? I will call tomorrow.")).toEqual([]);
  });
});

describe("Arabic person names", () => {
  it.each([
    ["اسمي محمد بن عبدالله القحطاني وأسكن في الرياض", ["محمد بن عبدالله القحطاني"]],
    ["السيدة نورة العتيبي ستحضر الاجتماع غدا", ["نورة العتيبي"]],
    ["تواصل مع د. سلمى بخصوص الطلب", ["سلمى"]],
    ["قال الأستاذ كامل إن الموعد تأجل", ["كامل"]],
    ["شارك أبو بكر مع فاطمة في النقاش", ["أبو بكر", "فاطمة"]],
  ])("%s", (text, names) => {
    expect(persons(text)).toEqual(names);
  });

  it("leaves ordinary Arabic text alone", () => {
    expect(persons("الطقس جميل اليوم في المدينة والطريق مزدحم")).toEqual([]);
  });
});
