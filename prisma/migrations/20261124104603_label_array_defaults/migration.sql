-- AlterTable
ALTER TABLE "LabelQueue" ALTER COLUMN "assigneeIds" SET DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "LabelItem" ALTER COLUMN "skippedBy" SET DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "LabelSlot" ALTER COLUMN "tags" SET DEFAULT ARRAY[]::TEXT[];
