-- CreateEnum
CREATE TYPE "EvalRunStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled', 'stopped');

-- CreateEnum
CREATE TYPE "EvalResultStatus" AS ENUM ('ok', 'failed');

-- CreateTable
CREATE TABLE "EvalRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "EvalRunStatus" NOT NULL DEFAULT 'queued',
    "datasetVersionId" TEXT NOT NULL,
    "promptVersionId" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "retrievalConfigVersionId" TEXT,
    "judgePromptVersionId" TEXT,
    "judgeModelVersionId" TEXT,
    "config" JSONB NOT NULL,
    "repeats" INTEGER NOT NULL,
    "totalSlots" INTEGER NOT NULL,
    "costCapUsd" DOUBLE PRECISION,
    "baselineRunId" TEXT,
    "stopReason" TEXT,
    "error" TEXT,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "cancelRequestedAt" TIMESTAMP(3),
    "summary" JSONB,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvalRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvalResult" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "itemPosition" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "repeat" INTEGER NOT NULL,
    "status" "EvalResultStatus" NOT NULL,
    "errorStage" TEXT,
    "error" TEXT,
    "output" TEXT,
    "messages" JSONB,
    "context" JSONB,
    "retrievedDocIds" TEXT[],
    "latencyMs" INTEGER,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "judgeInputTokens" INTEGER NOT NULL DEFAULT 0,
    "judgeOutputTokens" INTEGER NOT NULL DEFAULT 0,
    "judgeCostUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "judgeLatencyMs" INTEGER,
    "judgeRaw" TEXT,
    "scores" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvalResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvalRun_projectId_createdAt_idx" ON "EvalRun"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "EvalRun_status_leaseExpiresAt_idx" ON "EvalRun"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "EvalResult_runId_itemPosition_idx" ON "EvalResult"("runId", "itemPosition");

-- CreateIndex
CREATE UNIQUE INDEX "EvalResult_runId_itemId_repeat_key" ON "EvalResult"("runId", "itemId", "repeat");

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_promptVersionId_fkey" FOREIGN KEY ("promptVersionId") REFERENCES "PromptVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_retrievalConfigVersionId_fkey" FOREIGN KEY ("retrievalConfigVersionId") REFERENCES "RetrievalConfigVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_judgePromptVersionId_fkey" FOREIGN KEY ("judgePromptVersionId") REFERENCES "PromptVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_judgeModelVersionId_fkey" FOREIGN KEY ("judgeModelVersionId") REFERENCES "ModelVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalResult" ADD CONSTRAINT "EvalResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvalRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
