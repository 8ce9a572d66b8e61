import { db } from "../db";
import type { Principal } from "../authz/principal";
import { parseOrThrow } from "../errors";
import { createDataset } from "../datasets/service";
import { importDatasetItems } from "../datasets/change-items";
import { ZCreateDataset, ZImportDataset } from "../datasets/schemas";

// The demo's golden set for the customer-support prompt: real user tasks in English and Arabic, with
// reference answers and the help-centre articles that answer them (source ids of the demo knowledge
// base). Imported as JSONL through the same path a person's file takes.

const ITEMS = [
  { key: "refund-window", language: "en", inputs: { question: "Can I get my money back for a new contract?" }, reference: "Yes. You can cancel a new contract within 14 days of signing and get a full refund.", relevantDocIds: ["help/refunds"], tags: ["billing"] },
  { key: "roaming-price", language: "en", inputs: { question: "How much does roaming data cost on the Silver plan?" }, reference: "On Silver and Basic plans roaming data costs 15 SAR per 100 MB.", relevantDocIds: ["help/roaming"], tags: ["roaming"] },
  { key: "esim-activate", language: "en", inputs: { question: "How do I activate an eSIM?" }, reference: "Scan the QR code from the Acme app within 24 hours of purchase.", relevantDocIds: ["help/esim"], tags: ["devices"] },
  { key: "unknown-topic", language: "en", inputs: { question: "Do you sell fibre internet in Abha?" }, reference: "I do not know; I can open a ticket so the team can check coverage in Abha.", relevantDocIds: [], tags: ["out-of-scope"] },
  { key: "refund-window-ar", language: "ar", inputs: { question: "هل يمكنني استرداد أموالي بعد توقيع عقد جديد؟" }, reference: "نعم، يمكنك إلغاء العقد الجديد خلال 14 يومًا من التوقيع واسترداد المبلغ كاملًا.", relevantDocIds: ["help/refunds-ar"], tags: ["billing"] },
  { key: "roaming-price-ar", language: "ar", inputs: { question: "كم تكلفة بيانات التجوال في الباقة الفضية؟" }, reference: "تكلفة بيانات التجوال في الباقتين الفضية والأساسية 15 ريالًا لكل 100 ميجابايت.", relevantDocIds: ["help/roaming"], tags: ["roaming"] },
];

export async function seedDatasetsDemo(projectId: string): Promise<boolean> {
  if (await db().dataset.findFirst({ where: { projectId, name: "support-golden" } })) return false;
  const seed: Principal = { kind: "system", actorId: "seed", label: "Demo seed", projectId };
  await createDataset(seed, parseOrThrow(ZCreateDataset, { name: "support-golden", description: "Golden set for the customer-support prompt (English and Arabic).", tags: ["golden", "support"] }));
  await importDatasetItems(seed, "support-golden", parseOrThrow(ZImportDataset, {
    format: "jsonl",
    text: ITEMS.map((i) => JSON.stringify(i)).join("\n"),
    changelog: "First golden items from support tickets, in English and Arabic.",
  }));
  return true;
}
