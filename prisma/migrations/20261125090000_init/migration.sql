-- CreateEnum
CREATE TYPE "Specialism" AS ENUM ('occupational_therapy', 'speech_and_language', 'educational_psychology');

-- CreateEnum
CREATE TYPE "AreaForImprovement" AS ENUM ('preparing_for_adulthood', 'health_waiting_times', 'ehc_plans', 'communication');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('not_started', 'on_track', 'at_risk', 'off_track', 'complete');

-- CreateEnum
CREATE TYPE "ChangeChannel" AS ENUM ('card', 'chat', 'import', 'system');

-- CreateEnum
CREATE TYPE "Phase" AS ENUM ('early_years', 'primary', 'secondary', 'post_16', 'special');

-- CreateEnum
CREATE TYPE "RsvpResponse" AS ENUM ('attending', 'not_attending', 'maybe');

-- CreateEnum
CREATE TYPE "SupportKind" AS ENUM ('whole_setting_support', 'tailored_guidance', 'strategic_advice');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('new', 'assigned', 'answered', 'closed');

-- CreateEnum
CREATE TYPE "RequestEventKind" AS ENUM ('created', 'claimed', 'answered', 'closed', 'reminded', 'escalated', 'noted');

-- CreateEnum
CREATE TYPE "ConversationKind" AS ENUM ('personal', 'groupChat', 'channel');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "people" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "job_title" TEXT,
    "aad_object_id" TEXT,
    "roles" TEXT[],
    "specialism" "Specialism",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workstreams" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pillar" TEXT NOT NULL,
    "lead_id" INTEGER,

    CONSTRAINT "workstreams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maturity_ratings" (
    "id" SERIAL NOT NULL,
    "pillar" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "note" TEXT,
    "rated_by_id" INTEGER,
    "rated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "maturity_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actions" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "workstream_id" INTEGER NOT NULL,
    "area" "AreaForImprovement",
    "owner_id" INTEGER,
    "due_date" DATE NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'not_started',
    "last_update" TEXT,
    "last_update_at" TIMESTAMPTZ(3),
    "success_measure" TEXT,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_history" (
    "id" SERIAL NOT NULL,
    "action_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "via" "ChangeChannel" NOT NULL,
    "status_from" "ActionStatus",
    "status_to" "ActionStatus",
    "due_from" DATE,
    "due_to" DATE,
    "note" TEXT,
    "version" INTEGER,

    CONSTRAINT "action_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clusters" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "chair_id" INTEGER,

    CONSTRAINT "clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "phase" "Phase" NOT NULL,
    "cluster_id" INTEGER NOT NULL,
    "senco_id" INTEGER,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cluster_meetings" (
    "id" SERIAL NOT NULL,
    "cluster_id" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/London',
    "duration_minutes" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "agenda" TEXT[],
    "notes" TEXT,
    "follow_ups" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cluster_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_responses" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "response" "RsvpResponse" NOT NULL,
    "responded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_requests" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "requester_id" INTEGER NOT NULL,
    "setting_id" INTEGER NOT NULL,
    "specialism" "Specialism" NOT NULL,
    "kind" "SupportKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'new',
    "assignee_id" INTEGER,
    "outcome" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "first_response_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "expert_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expert_request_events" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "RequestEventKind" NOT NULL,
    "note" TEXT,

    CONSTRAINT "expert_request_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_refs" (
    "id" SERIAL NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "kind" "ConversationKind" NOT NULL,
    "person_id" INTEGER,
    "team_id" TEXT,
    "name" TEXT,
    "tenant_id" TEXT,
    "service_url" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "cluster_id" INTEGER,
    "workstream_id" INTEGER,
    "pool_specialism" "Specialism",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_refs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" SERIAL NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "recipient_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "conversation_id" TEXT,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "status_codes" INTEGER[],
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "reminder_snoozes" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "action_id" INTEGER,
    "until" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_snoozes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarterly_cycles" (
    "id" SERIAL NOT NULL,
    "quarter" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "markdown" TEXT,
    "html" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quarterly_cycles_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "people_key_key" ON "people"("key");

-- CreateIndex
CREATE UNIQUE INDEX "people_email_key" ON "people"("email");

-- CreateIndex
CREATE UNIQUE INDEX "people_aad_object_id_key" ON "people"("aad_object_id");

-- CreateIndex
CREATE INDEX "people_name_idx" ON "people"("name");

-- CreateIndex
CREATE UNIQUE INDEX "workstreams_code_key" ON "workstreams"("code");

-- CreateIndex
CREATE INDEX "workstreams_lead_id_idx" ON "workstreams"("lead_id");

-- CreateIndex
CREATE INDEX "maturity_ratings_pillar_rated_at_idx" ON "maturity_ratings"("pillar", "rated_at");

-- CreateIndex
CREATE UNIQUE INDEX "actions_ref_key" ON "actions"("ref");

-- CreateIndex
CREATE INDEX "actions_owner_id_status_idx" ON "actions"("owner_id", "status");

-- CreateIndex
CREATE INDEX "actions_workstream_id_status_idx" ON "actions"("workstream_id", "status");

-- CreateIndex
CREATE INDEX "actions_status_due_date_idx" ON "actions"("status", "due_date");

-- CreateIndex
CREATE INDEX "actions_area_status_idx" ON "actions"("area", "status");

-- CreateIndex
CREATE INDEX "actions_due_date_idx" ON "actions"("due_date");

-- CreateIndex
CREATE INDEX "action_history_action_id_at_idx" ON "action_history"("action_id", "at");

-- CreateIndex
CREATE INDEX "action_history_at_idx" ON "action_history"("at");

-- CreateIndex
CREATE UNIQUE INDEX "clusters_code_key" ON "clusters"("code");

-- CreateIndex
CREATE UNIQUE INDEX "clusters_name_key" ON "clusters"("name");

-- CreateIndex
CREATE UNIQUE INDEX "settings_name_key" ON "settings"("name");

-- CreateIndex
CREATE INDEX "settings_cluster_id_idx" ON "settings"("cluster_id");

-- CreateIndex
CREATE INDEX "settings_senco_id_idx" ON "settings"("senco_id");

-- CreateIndex
CREATE INDEX "cluster_meetings_starts_at_idx" ON "cluster_meetings"("starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "cluster_meetings_cluster_id_starts_at_key" ON "cluster_meetings"("cluster_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_responses_meeting_id_person_id_key" ON "meeting_responses"("meeting_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "expert_requests_ref_key" ON "expert_requests"("ref");

-- CreateIndex
CREATE INDEX "expert_requests_requester_id_idx" ON "expert_requests"("requester_id");

-- CreateIndex
CREATE INDEX "expert_requests_specialism_status_idx" ON "expert_requests"("specialism", "status");

-- CreateIndex
CREATE INDEX "expert_requests_assignee_id_idx" ON "expert_requests"("assignee_id");

-- CreateIndex
CREATE INDEX "expert_request_events_request_id_at_idx" ON "expert_request_events"("request_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_refs_conversation_id_key" ON "conversation_refs"("conversation_id");

-- CreateIndex
CREATE INDEX "conversation_refs_person_id_kind_idx" ON "conversation_refs"("person_id", "kind");

-- CreateIndex
CREATE INDEX "conversation_refs_cluster_id_idx" ON "conversation_refs"("cluster_id");

-- CreateIndex
CREATE INDEX "conversation_refs_team_id_idx" ON "conversation_refs"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_dedup_key_key" ON "outbox"("dedup_key");

-- CreateIndex
CREATE INDEX "outbox_status_next_attempt_at_idx" ON "outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_job_period_idx" ON "outbox"("job", "period");

-- CreateIndex
CREATE INDEX "reminder_snoozes_person_id_until_idx" ON "reminder_snoozes"("person_id", "until");

-- CreateIndex
CREATE UNIQUE INDEX "quarterly_cycles_quarter_key" ON "quarterly_cycles"("quarter");

-- AddForeignKey
ALTER TABLE "workstreams" ADD CONSTRAINT "workstreams_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maturity_ratings" ADD CONSTRAINT "maturity_ratings_rated_by_id_fkey" FOREIGN KEY ("rated_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstreams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_history" ADD CONSTRAINT "action_history_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_history" ADD CONSTRAINT "action_history_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_chair_id_fkey" FOREIGN KEY ("chair_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settings" ADD CONSTRAINT "settings_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settings" ADD CONSTRAINT "settings_senco_id_fkey" FOREIGN KEY ("senco_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cluster_meetings" ADD CONSTRAINT "cluster_meetings_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_responses" ADD CONSTRAINT "meeting_responses_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "cluster_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_responses" ADD CONSTRAINT "meeting_responses_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_requests" ADD CONSTRAINT "expert_requests_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_requests" ADD CONSTRAINT "expert_requests_setting_id_fkey" FOREIGN KEY ("setting_id") REFERENCES "settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_requests" ADD CONSTRAINT "expert_requests_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_request_events" ADD CONSTRAINT "expert_request_events_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "expert_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expert_request_events" ADD CONSTRAINT "expert_request_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_refs" ADD CONSTRAINT "conversation_refs_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_refs" ADD CONSTRAINT "conversation_refs_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_refs" ADD CONSTRAINT "conversation_refs_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstreams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_snoozes" ADD CONSTRAINT "reminder_snoozes_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_snoozes" ADD CONSTRAINT "reminder_snoozes_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

