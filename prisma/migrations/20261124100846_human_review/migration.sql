-- CreateEnum
CREATE TYPE "LabelItemStatus" AS ENUM ('open', 'needs_adjudication', 'gold');

-- CreateEnum
CREATE TYPE "LabelSlotStatus" AS ENUM ('open', 'claimed', 'submitted');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "calibrationKappaThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.6,
ADD COLUMN     "calibrationMinSample" INTEGER NOT NULL DEFAULT 20;

-- CreateTable
CREATE TABLE "ScoreConfig" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreConfigVersion" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "scoreConfigId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "dimensions" JSONB NOT NULL,
    "guidelines" TEXT NOT NULL,
    "changelog" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreConfigVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabelQueue" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "scoreConfigVersionId" TEXT NOT NULL,
    "annotatorsPerItem" INTEGER NOT NULL DEFAULT 1,
    "assigneeIds" TEXT[],
    "dueAt" TIMESTAMP(3),
    "adjudicationThreshold" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "lockMinutes" INTEGER NOT NULL DEFAULT 30,
    "source" JSONB NOT NULL,
    "nextSampleAt" TIMESTAMP(3),
    "sampledUntil" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabelQueue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabelItem" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "input" TEXT NOT NULL,
    "context" JSONB,
    "output" TEXT NOT NULL,
    "reference" TEXT,
    "language" TEXT NOT NULL,
    "stratum" TEXT,
    "meta" JSONB NOT NULL,
    "status" "LabelItemStatus" NOT NULL DEFAULT 'open',
    "gold" JSONB,
    "goldSource" TEXT,
    "goldById" TEXT,
    "goldByLabel" TEXT,
    "goldAt" TIMESTAMP(3),
    "skippedBy" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabelItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabelSlot" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "status" "LabelSlotStatus" NOT NULL DEFAULT 'open',
    "userId" TEXT,
    "userLabel" TEXT,
    "claimedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "scores" JSONB,
    "correction" TEXT,
    "tags" TEXT[],
    "submittedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabelSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "scaleMin" DOUBLE PRECISION,
    "scaleMax" DOUBLE PRECISION,
    "negative" BOOLEAN NOT NULL,
    "comment" TEXT,
    "correction" TEXT,
    "environment" TEXT,
    "releaseId" TEXT,
    "variant" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScoreConfig_projectId_name_key" ON "ScoreConfig"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreConfigVersion_scoreConfigId_version_key" ON "ScoreConfigVersion"("scoreConfigId", "version");

-- CreateIndex
CREATE INDEX "LabelQueue_nextSampleAt_idx" ON "LabelQueue"("nextSampleAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabelQueue_projectId_name_key" ON "LabelQueue"("projectId", "name");

-- CreateIndex
CREATE INDEX "LabelItem_queueId_status_idx" ON "LabelItem"("queueId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LabelItem_queueId_sourceKind_sourceId_key" ON "LabelItem"("queueId", "sourceKind", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "LabelItem_queueId_position_key" ON "LabelItem"("queueId", "position");

-- CreateIndex
CREATE INDEX "LabelSlot_queueId_status_idx" ON "LabelSlot"("queueId", "status");

-- CreateIndex
CREATE INDEX "LabelSlot_queueId_userId_idx" ON "LabelSlot"("queueId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "LabelSlot_itemId_slot_key" ON "LabelSlot"("itemId", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "LabelSlot_itemId_userId_key" ON "LabelSlot"("itemId", "userId");

-- CreateIndex
CREATE INDEX "Feedback_projectId_createdAt_idx" ON "Feedback"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_projectId_negative_createdAt_idx" ON "Feedback"("projectId", "negative", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_projectId_traceId_sourceId_key" ON "Feedback"("projectId", "traceId", "sourceId");

-- AddForeignKey
ALTER TABLE "ScoreConfig" ADD CONSTRAINT "ScoreConfig_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreConfigVersion" ADD CONSTRAINT "ScoreConfigVersion_scoreConfigId_fkey" FOREIGN KEY ("scoreConfigId") REFERENCES "ScoreConfig"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelQueue" ADD CONSTRAINT "LabelQueue_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelQueue" ADD CONSTRAINT "LabelQueue_scoreConfigVersionId_fkey" FOREIGN KEY ("scoreConfigVersionId") REFERENCES "ScoreConfigVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelItem" ADD CONSTRAINT "LabelItem_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "LabelQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelSlot" ADD CONSTRAINT "LabelSlot_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LabelItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
