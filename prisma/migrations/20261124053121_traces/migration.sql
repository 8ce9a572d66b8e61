-- CreateEnum
CREATE TYPE "TraceBatchStatus" AS ENUM ('queued', 'processed');

-- CreateEnum
CREATE TYPE "SpanKind" AS ENUM ('llm', 'retrieval', 'tool', 'planning', 'guard', 'other');

-- CreateEnum
CREATE TYPE "SpanStatus" AS ENUM ('ok', 'error');

-- CreateEnum
CREATE TYPE "CostSource" AS ENUM ('reported', 'computed', 'unknown');

-- CreateTable
CREATE TABLE "TraceBatch" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,
    "status" "TraceBatchStatus" NOT NULL DEFAULT 'queued',
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TraceBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trace" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "name" TEXT,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "status" "SpanStatus" NOT NULL,
    "environment" TEXT,
    "releaseId" TEXT,
    "variant" TEXT,
    "promptName" TEXT,
    "promptVersion" INTEGER,
    "endUserHash" TEXT,
    "team" TEXT,
    "piiTypes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Trace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Span" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "parentSpanId" TEXT,
    "kind" "SpanKind" NOT NULL,
    "name" TEXT NOT NULL,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "status" "SpanStatus" NOT NULL,
    "error" TEXT,
    "model" TEXT,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "costUsd" DOUBLE PRECISION,
    "costSource" "CostSource" NOT NULL,
    "input" TEXT,
    "output" TEXT,
    "retrievedDocs" JSONB,
    "piiTypes" TEXT[],
    "injectionScore" DOUBLE PRECISION,
    "injectionFlagged" BOOLEAN NOT NULL DEFAULT false,
    "injectionReasons" TEXT[],
    "attributes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Span_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TraceBatch_status_receivedAt_idx" ON "TraceBatch"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Trace_projectId_startTime_idx" ON "Trace"("projectId", "startTime");

-- CreateIndex
CREATE UNIQUE INDEX "Trace_projectId_traceId_key" ON "Trace"("projectId", "traceId");

-- CreateIndex
CREATE INDEX "Span_projectId_startTime_idx" ON "Span"("projectId", "startTime");

-- CreateIndex
CREATE INDEX "Span_projectId_model_idx" ON "Span"("projectId", "model");

-- CreateIndex
CREATE INDEX "Span_projectId_kind_idx" ON "Span"("projectId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Span_projectId_traceId_spanId_key" ON "Span"("projectId", "traceId", "spanId");

-- AddForeignKey
ALTER TABLE "TraceBatch" ADD CONSTRAINT "TraceBatch_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trace" ADD CONSTRAINT "Trace_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Span" ADD CONSTRAINT "Span_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
