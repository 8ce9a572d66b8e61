-- CreateEnum
CREATE TYPE "RerankMode" AS ENUM ('none', 'lexical');

-- CreateEnum
CREATE TYPE "IndexBuildStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "KnowledgeBase" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeBase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeDocument" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "knowledgeBaseId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "lastUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetrievalConfig" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetrievalConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetrievalConfigVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "retrievalConfigId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "embeddingModelVersionId" TEXT NOT NULL,
    "chunkSize" INTEGER NOT NULL,
    "chunkOverlap" INTEGER NOT NULL,
    "topK" INTEGER NOT NULL,
    "minSimilarity" DOUBLE PRECISION NOT NULL,
    "rerank" "RerankMode" NOT NULL DEFAULT 'none',
    "knowledgeBaseId" TEXT,
    "externalUrl" TEXT,
    "externalHeaders" JSONB,
    "externalAuthHeader" TEXT,
    "externalAuthCiphertext" TEXT,
    "externalAuthNonce" TEXT,
    "externalAuthKeyId" TEXT,
    "externalAuthHint" TEXT,
    "changelog" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetrievalConfigVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeChunk" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "retrievalConfigVersionId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "documentHash" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "embedding" DOUBLE PRECISION[],
    "tokenCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeChunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexBuild" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "retrievalConfigVersionId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "status" "IndexBuildStatus" NOT NULL DEFAULT 'queued',
    "totalDocuments" INTEGER NOT NULL DEFAULT 0,
    "totalChunks" INTEGER NOT NULL DEFAULT 0,
    "doneChunks" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexBuild_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeBase_projectId_name_key" ON "KnowledgeBase"("projectId", "name");

-- CreateIndex
CREATE INDEX "KnowledgeDocument_projectId_knowledgeBaseId_idx" ON "KnowledgeDocument"("projectId", "knowledgeBaseId");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeDocument_knowledgeBaseId_sourceId_key" ON "KnowledgeDocument"("knowledgeBaseId", "sourceId");

-- CreateIndex
CREATE INDEX "RetrievalConfig_projectId_updatedAt_idx" ON "RetrievalConfig"("projectId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RetrievalConfig_projectId_name_key" ON "RetrievalConfig"("projectId", "name");

-- CreateIndex
CREATE INDEX "RetrievalConfigVersion_projectId_createdAt_idx" ON "RetrievalConfigVersion"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RetrievalConfigVersion_retrievalConfigId_version_key" ON "RetrievalConfigVersion"("retrievalConfigId", "version");

-- CreateIndex
CREATE INDEX "KnowledgeChunk_projectId_retrievalConfigVersionId_idx" ON "KnowledgeChunk"("projectId", "retrievalConfigVersionId");

-- CreateIndex
CREATE INDEX "KnowledgeChunk_documentId_idx" ON "KnowledgeChunk"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeChunk_retrievalConfigVersionId_documentId_ordinal_key" ON "KnowledgeChunk"("retrievalConfigVersionId", "documentId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "IndexBuild_retrievalConfigVersionId_key" ON "IndexBuild"("retrievalConfigVersionId");

-- CreateIndex
CREATE INDEX "IndexBuild_projectId_idx" ON "IndexBuild"("projectId");

-- AddForeignKey
ALTER TABLE "KnowledgeBase" ADD CONSTRAINT "KnowledgeBase_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeDocument" ADD CONSTRAINT "KnowledgeDocument_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "KnowledgeBase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetrievalConfig" ADD CONSTRAINT "RetrievalConfig_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetrievalConfigVersion" ADD CONSTRAINT "RetrievalConfigVersion_retrievalConfigId_fkey" FOREIGN KEY ("retrievalConfigId") REFERENCES "RetrievalConfig"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetrievalConfigVersion" ADD CONSTRAINT "RetrievalConfigVersion_embeddingModelVersionId_fkey" FOREIGN KEY ("embeddingModelVersionId") REFERENCES "ModelVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetrievalConfigVersion" ADD CONSTRAINT "RetrievalConfigVersion_knowledgeBaseId_fkey" FOREIGN KEY ("knowledgeBaseId") REFERENCES "KnowledgeBase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetrievalConfigVersion" ADD CONSTRAINT "RetrievalConfigVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeChunk" ADD CONSTRAINT "KnowledgeChunk_retrievalConfigVersionId_fkey" FOREIGN KEY ("retrievalConfigVersionId") REFERENCES "RetrievalConfigVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeChunk" ADD CONSTRAINT "KnowledgeChunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "KnowledgeDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndexBuild" ADD CONSTRAINT "IndexBuild_retrievalConfigVersionId_fkey" FOREIGN KEY ("retrievalConfigVersionId") REFERENCES "RetrievalConfigVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
