-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL CHECK ("amount" <> 0),
    "reason" TEXT NOT NULL,
    "sourceRef" TEXT,
    "key" TEXT NOT NULL,
    "capKey" TEXT,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PointsEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PointsBalance" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    -- Added by hand (Prisma cannot express CHECK): a balance never goes below zero,
    -- so a spend that would overdraw fails inside its transaction and changes nothing.
    "balance" INTEGER NOT NULL DEFAULT 0 CHECK ("balance" >= 0),
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PointsBalance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PointsRule" (
    "trigger" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "capCount" INTEGER,
    "capPeriod" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_key_key" ON "PointsEntry"("key");

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_capKey_key" ON "PointsEntry"("capKey");

-- CreateIndex
CREATE INDEX "PointsEntry_userId_createdAt_idx" ON "PointsEntry"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "PointsEntry_userId_reason_createdAt_idx" ON "PointsEntry"("userId", "reason", "createdAt");

-- CreateIndex
CREATE INDEX "PointsEntry_expiresAt_idx" ON "PointsEntry"("expiresAt");

