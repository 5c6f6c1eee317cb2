-- CreateTable
CREATE TABLE "meeting_follow_ups" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "owner_id" INTEGER,
    "due_date" DATE,
    "done_at" TIMESTAMPTZ(3),
    "action_ref" TEXT,
    "request_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_follow_ups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_follow_ups_meeting_id_position_idx" ON "meeting_follow_ups"("meeting_id", "position");

-- CreateIndex
CREATE INDEX "meeting_follow_ups_owner_id_done_at_due_date_idx" ON "meeting_follow_ups"("owner_id", "done_at", "due_date");

-- AddForeignKey
ALTER TABLE "meeting_follow_ups" ADD CONSTRAINT "meeting_follow_ups_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "cluster_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_follow_ups" ADD CONSTRAINT "meeting_follow_ups_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Keep the follow-ups written as text readable: each line becomes a row, in order, with no owner
-- and no due date (the chair can set them from the meeting card).
INSERT INTO "meeting_follow_ups" ("meeting_id", "position", "text", "created_at")
SELECT l."id", (ROW_NUMBER() OVER (PARTITION BY l."id" ORDER BY l."n"))::int, l."text", l."updated_at"
FROM (
  SELECT m."id", m."updated_at", f."text", f."n"
  FROM "cluster_meetings" m, unnest(m."follow_ups") WITH ORDINALITY AS f("text", "n")
  WHERE btrim(f."text") <> ''
) l;

-- AlterTable
ALTER TABLE "cluster_meetings" DROP COLUMN "follow_ups";
