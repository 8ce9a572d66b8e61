import { db } from "../db";
import type { Principal } from "../authz/principal";
import { parseOrThrow } from "../errors";
import { createModelVersion } from "../registry/models/service";
import { MODEL_PRESETS, PRICE_DATE } from "../registry/models/presets";
import { createKnowledgeBase, uploadDocument } from "../registry/retrieval/knowledge-bases";
import { createRetrievalConfigVersion } from "../registry/retrieval/service";
import { buildIndexNow } from "../registry/retrieval/index-build";
import { ZCreateRetrievalConfigVersion } from "../registry/retrieval/schemas";

// Retrieval demo data for project `demo`: the offline embedding model, a "help-centre" knowledge base
// of short Acme Telecom articles (English and Arabic) and the retrieval config "help-centre-default"
// v1 over it, indexed here in-process (the offline embedder needs no network and takes milliseconds),
// so search works before the worker has run a job.

const ARTICLES = [
  {
    sourceId: "help/refunds", title: "Refunds and cancellations", lastUpdatedAt: "2025-05-12",
    text: "# Refunds and cancellations\n\nYou can cancel a new contract within 14 days of signing and get a full refund. Refunds go back to the card or bank account you paid with and arrive within five working days.\n\nDevice refunds need the device back in its original box. Open a ticket in the Acme app to start a return.",
  },
  {
    sourceId: "help/roaming", title: "Roaming abroad", lastUpdatedAt: "2025-06-01",
    text: "# Roaming abroad\n\nRoaming is included in the Gold plan in 40 countries, including the GCC and the EU. On Silver and Basic plans roaming data costs 15 SAR per 100 MB.\n\nTurn on data roaming in your phone's settings before you travel. Daily roaming passes can be bought in the Acme app.",
  },
  {
    sourceId: "help/router-reset", title: "Resetting your home router", lastUpdatedAt: "2025-03-20",
    text: "# Resetting your home router\n\nIf your fibre internet stops working, restart the router first. If that does not help, hold the reset button on the back for ten seconds until the lights blink.\n\nA reset restores the Wi-Fi name and password printed on the sticker under the router.",
  },
  {
    sourceId: "help/esim", title: "Activating an eSIM", lastUpdatedAt: "2025-04-08",
    text: "# Activating an eSIM\n\nOpen the Acme app, choose Lines, then Add eSIM, and scan the QR code shown. Your phone must be unlocked and support eSIM.\n\nActivation takes up to 15 minutes. Keep Wi-Fi on during setup.",
  },
  {
    sourceId: "help/refunds-ar", title: "استرداد المبالغ وإلغاء العقود", lastUpdatedAt: "2025-05-12",
    text: "# استرداد المبالغ وإلغاء العقود\n\nيمكنك إلغاء العقد الجديد خلال ١٤ يوماً من توقيعه واسترداد المبلغ كاملاً. يعود المبلغ إلى البطاقة أو الحساب البنكي الذي دفعت منه خلال خمسة أيام عمل.\n\nلإرجاع جهاز، افتح تذكرة في تطبيق أكمي.",
  },
  {
    sourceId: "help/billing-ar", title: "دفع الفاتورة", lastUpdatedAt: "2025-02-27",
    text: "# دفع الفاتورة\n\nتصدر الفاتورة الشهرية في اليوم الأول من كل شهر. يمكنك الدفع عبر تطبيق أكمي أو من خلال سداد باستخدام رقم الحساب المطبوع على الفاتورة.\n\nإذا تأخر الدفع أكثر من ٣٠ يوماً قد تتوقف الخدمة مؤقتاً.",
  },
];

export async function seedRetrievalDemo(projectId: string): Promise<boolean> {
  if (await db().knowledgeBase.findFirst({ where: { projectId, name: "help-centre" } })) return false;
  const connection = await db().providerConnection.findFirst({ where: { projectId, name: "offline-demo" } });
  if (!connection) return false;
  const seed: Principal = { kind: "system", actorId: "seed", label: "Demo seed", projectId };
  const preset = MODEL_PRESETS.find((p) => p.providerModelId === "offline-embed-256")!;
  const existing = await db().modelVersion.findFirst({ where: { projectId, connectionId: connection.id, providerModelId: preset.providerModelId } });
  const embedder = existing ?? (await createModelVersion(seed, {
    connectionId: connection.id, providerModelId: preset.providerModelId, displayName: preset.displayName,
    inputPricePerMTok: preset.input, outputPricePerMTok: preset.output, cachedPricePerMTok: preset.cached, priceAsOf: PRICE_DATE,
    contextWindow: preset.contextWindow, maxOutputTokens: preset.maxOutputTokens, capabilities: preset.capabilities, region: "sa", floating: false,
  }));
  const kb = await createKnowledgeBase(seed, { name: "help-centre", description: "Acme Telecom help-centre articles (English and Arabic)" });
  for (const article of ARTICLES) await uploadDocument(seed, kb.id, article);
  const config = await createRetrievalConfigVersion(seed, parseOrThrow(ZCreateRetrievalConfigVersion, {
    name: "help-centre-default",
    description: "Help-centre passages for the customer-support prompt.",
    embeddingModelVersionId: embedder.id, chunkSize: 400, chunkOverlap: 60, topK: 3, minSimilarity: 0.1, rerank: "lexical",
    knowledgeBaseId: kb.id, changelog: "First version: 400-character chunks, top 3, lexical rerank.",
  }));
  await buildIndexNow(seed, config.id);
  return true;
}
