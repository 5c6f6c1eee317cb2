-- CreateEnum
CREATE TYPE "MeasureDirection" AS ENUM ('higher', 'lower');

-- CreateTable
CREATE TABLE "measures" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "MeasureDirection" NOT NULL,
    "baseline_value" DOUBLE PRECISION NOT NULL,
    "baseline_date" DATE NOT NULL,
    "target_value" DOUBLE PRECISION NOT NULL,
    "target_date" DATE NOT NULL,
    "action_id" INTEGER,
    "workstream_id" INTEGER,
    "area" "AreaForImprovement",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "measures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure_readings" (
    "id" SERIAL NOT NULL,
    "measure_id" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "date" DATE NOT NULL,
    "source" TEXT,
    "recorded_by_id" INTEGER,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "via" "ChangeChannel" NOT NULL,

    CONSTRAINT "measure_readings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "measures_ref_key" ON "measures"("ref");

-- CreateIndex
CREATE INDEX "measures_action_id_idx" ON "measures"("action_id");

-- CreateIndex
CREATE INDEX "measures_workstream_id_idx" ON "measures"("workstream_id");

-- CreateIndex
CREATE INDEX "measure_readings_measure_id_date_idx" ON "measure_readings"("measure_id", "date");

-- AddForeignKey
ALTER TABLE "measures" ADD CONSTRAINT "measures_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures" ADD CONSTRAINT "measures_workstream_id_fkey" FOREIGN KEY ("workstream_id") REFERENCES "workstreams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_readings" ADD CONSTRAINT "measure_readings_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_readings" ADD CONSTRAINT "measure_readings_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE CASCADE;

