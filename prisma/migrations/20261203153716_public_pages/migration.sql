-- AlterTable
ALTER TABLE "people" ADD COLUMN     "organisation" TEXT;

-- AlterTable
ALTER TABLE "quarterly_cycles" ADD COLUMN     "published_at" TIMESTAMPTZ(3);

