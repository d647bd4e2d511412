-- AlterTable
ALTER TABLE "Draw" ADD COLUMN "shipTo" TEXT;
ALTER TABLE "Draw" ADD COLUMN "shippedAt" DATETIME;

