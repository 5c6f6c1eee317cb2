-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'waiting';

