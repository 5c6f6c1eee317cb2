-- AlterTable
ALTER TABLE "conversation_refs" ADD COLUMN     "partnership" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "conversation_refs_workstream_id_idx" ON "conversation_refs"("workstream_id");

