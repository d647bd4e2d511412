-- CreateTable
CREATE TABLE "MemberDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "surprise" BOOLEAN NOT NULL DEFAULT false,
    "segmentId" TEXT,
    "dailyCapPoints" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Added by hand (Prisma cannot express CHECK): a day ends after it starts; a cap is positive.
    CHECK ("endsAt" > "startsAt" AND ("dailyCapPoints" IS NULL OR "dailyCapPoints" > 0)),
    CONSTRAINT "MemberDay_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BlindBoxPool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberDayId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pricePoints" INTEGER NOT NULL DEFAULT 0,
    "priceCents" INTEGER NOT NULL DEFAULT 0,
    "perMemberLimit" INTEGER NOT NULL,
    "guaranteeEvery" INTEGER,
    "guaranteePosition" INTEGER,
    "total" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "seed" TEXT NOT NULL,
    "seedHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Added by hand (Prisma cannot express CHECK): a pool never oversells, prices are not negative.
    CHECK ("remaining" >= 0 AND "remaining" <= "total" AND "total" > 0 AND "pricePoints" >= 0 AND "priceCents" >= 0 AND "perMemberLimit" > 0),
    CONSTRAINT "BlindBoxPool_memberDayId_fkey" FOREIGN KEY ("memberDayId") REFERENCES "MemberDay" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BlindBoxItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "poolId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    -- Added by hand (Prisma cannot express CHECK): no empty boxes, no item handed out twice.
    CHECK ("remaining" >= 0 AND "remaining" <= "total" AND "total" > 0),
    CONSTRAINT "BlindBoxItem_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "BlindBoxPool" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BlindBoxOpening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "poolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "poolBefore" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "pricePoints" INTEGER NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "shareCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BlindBoxOpening_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "BlindBoxPool" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlindBoxOpening_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlindBoxOpening_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BlindBoxItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MemberDay_startsAt_endsAt_idx" ON "MemberDay"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "BlindBoxPool_memberDayId_idx" ON "BlindBoxPool"("memberDayId");

-- CreateIndex
CREATE UNIQUE INDEX "BlindBoxItem_poolId_position_key" ON "BlindBoxItem"("poolId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BlindBoxOpening_shareCode_key" ON "BlindBoxOpening"("shareCode");

-- CreateIndex
CREATE INDEX "BlindBoxOpening_userId_createdAt_idx" ON "BlindBoxOpening"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BlindBoxOpening_poolId_userId_number_key" ON "BlindBoxOpening"("poolId", "userId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "BlindBoxOpening_poolId_sequence_key" ON "BlindBoxOpening"("poolId", "sequence");

