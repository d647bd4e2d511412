-- AlterTable
ALTER TABLE "BlindBoxOpening" ADD COLUMN "shipTo" TEXT;
ALTER TABLE "BlindBoxOpening" ADD COLUMN "shippedAt" DATETIME;

