-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "guardModelVersionId" TEXT;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_guardModelVersionId_fkey" FOREIGN KEY ("guardModelVersionId") REFERENCES "ModelVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
