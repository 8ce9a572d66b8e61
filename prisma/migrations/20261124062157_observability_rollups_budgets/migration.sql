-- trigram indexes for text search on scrubbed span text
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "BudgetScope" AS ENUM ('project', 'team');

-- CreateEnum
CREATE TYPE "BudgetPeriod" AS ENUM ('daily', 'monthly');

-- AlterEnum
ALTER TYPE "TraceBatchStatus" ADD VALUE 'failed';

-- DropIndex
DROP INDEX "Trace_projectId_startTime_idx";

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "loopToolCallLimit" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "scrubFailClosed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "traceRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "TraceBatch" ADD COLUMN     "lastError" TEXT;

-- AlterTable
ALTER TABLE "Trace" ADD COLUMN     "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "durationMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "errorSpans" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "injectionFlagged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "maxToolCalls" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "models" TEXT[],
ADD COLUMN     "outputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spanCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "UsageDaily" (
    "projectId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "environment" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "releaseId" TEXT NOT NULL DEFAULT '',
    "variant" TEXT NOT NULL DEFAULT '',
    "promptName" TEXT NOT NULL DEFAULT '',
    "promptVersion" INTEGER NOT NULL DEFAULT 0,
    "model" TEXT NOT NULL DEFAULT '',
    "requests" INTEGER NOT NULL DEFAULT 0,
    "failedRequests" INTEGER NOT NULL DEFAULT 0,
    "spans" INTEGER NOT NULL DEFAULT 0,
    "errorSpans" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "UsageDaily_pkey" PRIMARY KEY ("projectId","day","environment","team","releaseId","variant","promptName","promptVersion","model")
);

-- CreateTable
CREATE TABLE "Budget" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "scope" "BudgetScope" NOT NULL,
    "team" TEXT NOT NULL DEFAULT '',
    "period" "BudgetPeriod" NOT NULL,
    "limitUsd" DOUBLE PRECISION NOT NULL,
    "webhookUrl" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "id" TEXT NOT NULL,
    "budgetId" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "threshold" INTEGER NOT NULL,
    "spentUsd" DOUBLE PRECISION NOT NULL,
    "limitUsd" DOUBLE PRECISION NOT NULL,
    "forecastUsd" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhookStatus" TEXT,
    "webhookAttempts" INTEGER NOT NULL DEFAULT 0,
    "webhookLastError" TEXT,
    "webhookAt" TIMESTAMP(3),

    CONSTRAINT "BudgetAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT,
    "roles" "Role"[],
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationRead" (
    "notificationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationRead_pkey" PRIMARY KEY ("notificationId","userId")
);

-- CreateIndex
CREATE INDEX "UsageDaily_projectId_day_idx" ON "UsageDaily"("projectId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Budget_projectId_scope_team_period_key" ON "Budget"("projectId", "scope", "team", "period");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetAlert_budgetId_periodStart_threshold_key" ON "BudgetAlert"("budgetId", "periodStart", "threshold");

-- CreateIndex
CREATE INDEX "Notification_projectId_createdAt_idx" ON "Notification"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationRead_userId_idx" ON "NotificationRead"("userId");

-- CreateIndex
CREATE INDEX "Trace_projectId_startTime_idx" ON "Trace"("projectId", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Trace_projectId_environment_startTime_idx" ON "Trace"("projectId", "environment", "startTime" DESC);

-- CreateIndex
CREATE INDEX "Trace_projectId_costUsd_idx" ON "Trace"("projectId", "costUsd");

-- CreateIndex
CREATE INDEX "Span_input_idx" ON "Span" USING GIN ("input" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Span_output_idx" ON "Span" USING GIN ("output" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "UsageDaily" ADD CONSTRAINT "UsageDaily_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetAlert" ADD CONSTRAINT "BudgetAlert_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRead" ADD CONSTRAINT "NotificationRead_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
