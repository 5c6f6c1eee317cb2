-- CreateEnum
CREATE TYPE "SchoolTermName" AS ENUM ('autumn', 'spring', 'summer');

-- CreateTable
CREATE TABLE "term_dates" (
    "id" SERIAL NOT NULL,
    "academic_year" TEXT NOT NULL,
    "term" "SchoolTermName" NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "half_term_starts_on" DATE,
    "half_term_ends_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "term_dates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "term_dates_starts_on_idx" ON "term_dates"("starts_on");

-- CreateIndex
CREATE UNIQUE INDEX "term_dates_academic_year_term_key" ON "term_dates"("academic_year", "term");

