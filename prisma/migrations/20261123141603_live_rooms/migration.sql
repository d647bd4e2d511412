-- CreateTable
CREATE TABLE "LiveRoom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "hostId" TEXT NOT NULL,
    "streamUrl" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "slowModeSeconds" INTEGER NOT NULL DEFAULT 0,
    "membersOnly" BOOLEAN NOT NULL DEFAULT false,
    "peakViewers" INTEGER NOT NULL DEFAULT 0,
    "likeCount" INTEGER NOT NULL DEFAULT 0,
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveRoom_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveRoomProduct" (
    "roomId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "wantCount" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("roomId", "productId"),
    CONSTRAINT "LiveRoomProduct_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveRoomProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LivePin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "pinnedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unpinnedAt" DATETIME,
    CONSTRAINT "LivePin_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LivePin_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    CONSTRAINT "LiveMessage_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveSubscription" (
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("roomId", "userId"),
    CONSTRAINT "LiveSubscription_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveRestriction" (
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "until" DATETIME,
    "byId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("roomId", "userId", "kind"),
    CONSTRAINT "LiveRestriction_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveModerator" (
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("roomId", "userId"),
    CONSTRAINT "LiveModerator_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveWant" (
    "roomId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "taps" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("roomId", "productId", "userId"),
    CONSTRAINT "LiveWant_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FlashSale" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "perMember" INTEGER NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "stoppedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Stock never goes below zero: a claim that would oversell fails as a whole.
    CHECK ("remaining" >= 0 AND "remaining" <= "stock" AND "perMember" > 0 AND "priceCents" >= 0),
    CONSTRAINT "FlashSale_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FlashSale_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FlashClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "saleId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("quantity" > 0),
    CONSTRAINT "FlashClaim_saleId_fkey" FOREIGN KEY ("saleId") REFERENCES "FlashSale" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FlashClaim_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FlashTally" (
    "saleId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "claimed" INTEGER NOT NULL,
    "maxClaim" INTEGER NOT NULL,
    -- No member claims more than the sale's per-member limit.
    CHECK ("claimed" > 0 AND "claimed" <= "maxClaim"),

    PRIMARY KEY ("saleId", "memberId"),
    CONSTRAINT "FlashTally_saleId_fkey" FOREIGN KEY ("saleId") REFERENCES "FlashSale" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Media" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "uploaderId" TEXT NOT NULL,
    "postId" TEXT,
    "productId" TEXT,
    "candidateId" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'processing',
    "failureReason" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "width" INTEGER,
    "height" INTEGER,
    "durationMs" INTEGER,
    "placeholder" TEXT,
    "format" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "roomId" TEXT,
    CONSTRAINT "Media_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Media" ("bytes", "candidateId", "createdAt", "durationMs", "failureReason", "format", "height", "id", "kind", "placeholder", "position", "postId", "productId", "status", "updatedAt", "uploaderId", "width") SELECT "bytes", "candidateId", "createdAt", "durationMs", "failureReason", "format", "height", "id", "kind", "placeholder", "position", "postId", "productId", "status", "updatedAt", "uploaderId", "width" FROM "Media";
DROP TABLE "Media";
ALTER TABLE "new_Media" RENAME TO "Media";
CREATE INDEX "Media_postId_position_idx" ON "Media"("postId", "position");
CREATE INDEX "Media_candidateId_position_idx" ON "Media"("candidateId", "position");
CREATE INDEX "Media_productId_position_idx" ON "Media"("productId", "position");
CREATE INDEX "Media_status_createdAt_idx" ON "Media"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LiveRoom_status_startsAt_idx" ON "LiveRoom"("status", "startsAt");

-- CreateIndex
CREATE INDEX "LivePin_roomId_unpinnedAt_idx" ON "LivePin"("roomId", "unpinnedAt");

-- CreateIndex
CREATE INDEX "LiveMessage_roomId_id_idx" ON "LiveMessage"("roomId", "id");

-- CreateIndex
CREATE INDEX "LiveMessage_roomId_deletedAt_idx" ON "LiveMessage"("roomId", "deletedAt");

-- CreateIndex
CREATE INDEX "LiveSubscription_userId_idx" ON "LiveSubscription"("userId");

-- CreateIndex
CREATE INDEX "LiveWant_roomId_productId_idx" ON "LiveWant"("roomId", "productId");

-- CreateIndex
CREATE INDEX "FlashSale_roomId_createdAt_idx" ON "FlashSale"("roomId", "createdAt");

-- CreateIndex
CREATE INDEX "FlashClaim_saleId_memberId_idx" ON "FlashClaim"("saleId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "FlashClaim_saleId_key_key" ON "FlashClaim"("saleId", "key");

