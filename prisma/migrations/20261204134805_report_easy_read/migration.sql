-- AlterTable
ALTER TABLE "quarterly_cycles" ADD COLUMN     "easy_read" TEXT;

