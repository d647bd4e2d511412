-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "costPoints" INTEGER NOT NULL,
    "perMemberLimit" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "seed" TEXT NOT NULL,
    "seedHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "memberDayId" TEXT,
    CONSTRAINT "Campaign_memberDayId_fkey" FOREIGN KEY ("memberDayId") REFERENCES "MemberDay" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Campaign" ("costPoints", "createdAt", "endsAt", "id", "perMemberLimit", "seed", "seedHash", "startsAt", "title", "version") SELECT "costPoints", "createdAt", "endsAt", "id", "perMemberLimit", "seed", "seedHash", "startsAt", "title", "version" FROM "Campaign";
DROP TABLE "Campaign";
ALTER TABLE "new_Campaign" RENAME TO "Campaign";
CREATE INDEX "Campaign_memberDayId_idx" ON "Campaign"("memberDayId");
CREATE TABLE "new_FlashSale" (
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
    "memberDayId" TEXT,
    -- Re-added from 20261123141603_live_rooms (a redefined table loses its CHECKs): stock never goes below zero.
    CHECK ("remaining" >= 0 AND "remaining" <= "stock" AND "perMember" > 0 AND "priceCents" >= 0),
    CONSTRAINT "FlashSale_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "LiveRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FlashSale_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FlashSale_memberDayId_fkey" FOREIGN KEY ("memberDayId") REFERENCES "MemberDay" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FlashSale" ("closesAt", "createdAt", "createdById", "id", "opensAt", "perMember", "priceCents", "productId", "remaining", "roomId", "stock", "stoppedAt") SELECT "closesAt", "createdAt", "createdById", "id", "opensAt", "perMember", "priceCents", "productId", "remaining", "roomId", "stock", "stoppedAt" FROM "FlashSale";
DROP TABLE "FlashSale";
ALTER TABLE "new_FlashSale" RENAME TO "FlashSale";
CREATE INDEX "FlashSale_roomId_createdAt_idx" ON "FlashSale"("roomId", "createdAt");
CREATE INDEX "FlashSale_memberDayId_idx" ON "FlashSale"("memberDayId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

