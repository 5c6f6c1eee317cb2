-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "actions_owner_id_status_idx";

-- DropIndex
DROP INDEX "actions_workstream_id_status_idx";

-- CreateIndex
CREATE INDEX "action_history_action_id_id_idx" ON "action_history"("action_id", "id");

-- CreateIndex
CREATE INDEX "actions_owner_id_status_due_date_idx" ON "actions"("owner_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "actions_workstream_id_status_due_date_idx" ON "actions"("workstream_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "actions_title_trgm_idx" ON "actions" USING GIN ("title" gin_trgm_ops);


-- CreateIndex (an expression index Prisma's schema cannot state: the drift check requires it by
-- name, see src/cli/prisma-diff.ts). Title search matches English stems through it.
CREATE INDEX "actions_title_fts_idx" ON "actions" USING GIN (to_tsvector('english'::regconfig, "title"));
