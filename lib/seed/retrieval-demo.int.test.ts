import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { Principal } from "../authz/principal";
import { seedDemo } from "./demo";
import { searchRetrievalConfig } from "../registry/retrieval/search-knowledge";

describe("retrieval demo seed", () => {
  it("creates the help-centre knowledge base and an indexed help-centre-default v1 that answers in English and Arabic", async () => {
    await seedDemo();
    const demo = await db().project.findUniqueOrThrow({ where: { slug: "demo" } });
    const kb = await db().knowledgeBase.findFirstOrThrow({ where: { projectId: demo.id, name: "help-centre" }, include: { _count: { select: { documents: true } } } });
    expect(kb._count.documents).toBe(6);
    const build = await db().indexBuild.findFirstOrThrow({ where: { projectId: demo.id } });
    expect(build).toMatchObject({ status: "done", totalDocuments: 6 });
    expect(build.doneChunks).toBe(build.totalChunks);

    const viewer: Principal = { kind: "system", actorId: "test", label: "test", projectId: demo.id };
    const en = await searchRetrievalConfig(viewer, "help-centre-default", 1, "Can I get my money back after cancelling?");
    expect(en.chunks[0].documentSourceId).toBe("help/refunds");
    const ar = await searchRetrievalConfig(viewer, "help-centre-default", 1, "كيف أدفع الفاتورة؟");
    expect(ar.chunks[0].documentSourceId).toBe("help/billing-ar");

    const counts = async () => [await db().knowledgeChunk.count({ where: { projectId: demo.id } }), await db().auditEvent.count()];
    const before = await counts();
    expect(await seedDemo()).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
