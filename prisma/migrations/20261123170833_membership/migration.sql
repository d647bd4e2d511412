-- AlterTable
ALTER TABLE "User" ADD COLUMN "birthdaySetAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "phone" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "key" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN "repurchaseDays" INTEGER;

-- AlterTable
ALTER TABLE "Prize" ADD COLUMN "couponTemplateId" TEXT;

-- CreateTable
CREATE TABLE "OrderImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "byId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "signature" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Tier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    -- Added by hand (Prisma cannot express CHECK): thresholds are not negative, multipliers 1× to 10×.
    "minSpendCents" INTEGER NOT NULL CHECK ("minSpendCents" >= 0),
    "pointsMultiplierPct" INTEGER NOT NULL DEFAULT 100 CHECK ("pointsMultiplierPct" BETWEEN 100 AND 1000),
    "couponTemplateId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Tier_couponTemplateId_fkey" FOREIGN KEY ("couponTemplateId") REFERENCES "CouponTemplate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberTier" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "tierId" TEXT NOT NULL,
    "spendCents" INTEGER NOT NULL,
    "reachedAt" DATETIME NOT NULL,
    "belowSince" DATETIME,
    "evaluatedAt" DATETIME NOT NULL,
    CONSTRAINT "MemberTier_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MemberTier_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CouponTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "minSpendCents" INTEGER NOT NULL DEFAULT 0,
    "validDays" INTEGER NOT NULL,
    "auto" TEXT NOT NULL DEFAULT 'none',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Added by hand (Prisma cannot express CHECK): a coupon takes money off, never more than 90 %,
    -- and lasts between a day and ten years.
    CHECK ("kind" IN ('amount', 'percent') AND "value" > 0 AND ("kind" = 'amount' OR "value" <= 90)
        AND "minSpendCents" >= 0 AND "validDays" BETWEEN 1 AND 3650 AND "auto" IN ('none', 'birthday', 'winback'))
);

-- CreateTable
CREATE TABLE "Coupon" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "redeemedAt" DATETIME,
    "orderId" TEXT,
    "remindedAt" DATETIME,
    CONSTRAINT "Coupon_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "CouponTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Coupon_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Coupon_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ShopOrder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberTag" (
    "userId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "byId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "tag"),
    CONSTRAINT "MemberTag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "birthYear" INTEGER NOT NULL,
    -- Added by hand (Prisma cannot express CHECK).
    "birthMonth" INTEGER NOT NULL CHECK ("birthMonth" BETWEEN 1 AND 12),
    "consentAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Child_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,

    PRIMARY KEY ("userId", "category"),
    CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationQuota" (
    "userId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    -- Added by hand (Prisma cannot express CHECK).
    "count" INTEGER NOT NULL CHECK ("count" >= 0),

    PRIMARY KEY ("userId", "week")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "notificationId" TEXT,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "EmailMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "productId" TEXT,
    -- Kept from the posts migration (Prisma cannot express CHECK): a review is rated 1 to 5.
    "rating" INTEGER CHECK ("rating" IS NULL OR ("rating" BETWEEN 1 AND 5)),
    "title" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'published',
    "holdReason" TEXT,
    "hasMedia" BOOLEAN NOT NULL DEFAULT false,
    "likeCount" INTEGER NOT NULL DEFAULT 0 CHECK ("likeCount" >= 0),
    "featuredAt" DATETIME,
    "replyBody" TEXT,
    "replyAt" DATETIME,
    "replyById" TEXT,
    "rewardRound" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "editedAt" DATETIME,
    "groupId" TEXT,
    "segmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Post_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("authorId", "body", "createdAt", "editedAt", "featuredAt", "groupId", "hasMedia", "holdReason", "id", "kind", "likeCount", "productId", "publishedAt", "rating", "replyAt", "replyBody", "replyById", "rewardRound", "status", "title", "updatedAt") SELECT "authorId", "body", "createdAt", "editedAt", "featuredAt", "groupId", "hasMedia", "holdReason", "id", "kind", "likeCount", "productId", "publishedAt", "rating", "replyAt", "replyBody", "replyById", "rewardRound", "status", "title", "updatedAt" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "Post_status_createdAt_idx" ON "Post"("status", "createdAt");
CREATE INDEX "Post_status_featuredAt_idx" ON "Post"("status", "featuredAt");
CREATE INDEX "Post_status_hasMedia_createdAt_idx" ON "Post"("status", "hasMedia", "createdAt");
CREATE INDEX "Post_productId_status_createdAt_idx" ON "Post"("productId", "status", "createdAt");
CREATE INDEX "Post_authorId_createdAt_idx" ON "Post"("authorId", "createdAt");
CREATE INDEX "Post_groupId_status_createdAt_idx" ON "Post"("groupId", "status", "createdAt");
CREATE INDEX "Post_segmentId_idx" ON "Post"("segmentId");
CREATE TABLE "new_ShopOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT NOT NULL,
    "memberId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "claimCode" TEXT,
    "couponCode" TEXT,
    -- Added by hand (Prisma cannot express CHECK): an order never totals below zero.
    "totalCents" INTEGER NOT NULL CHECK ("totalCents" >= 0),
    "status" TEXT NOT NULL DEFAULT 'paid',
    "placedAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'csv',
    "digest" TEXT NOT NULL DEFAULT '',
    "importId" TEXT,
    "linkedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ref" TEXT,
    "commissionAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShopOrder_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ShopOrder_importId_fkey" FOREIGN KEY ("importId") REFERENCES "OrderImport" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ShopOrder" ("commissionAt", "createdAt", "email", "externalId", "id", "memberId", "placedAt", "ref", "status", "totalCents") SELECT "commissionAt", "createdAt", "email", "externalId", "id", "memberId", "placedAt", "ref", "status", "totalCents" FROM "ShopOrder";
DROP TABLE "ShopOrder";
ALTER TABLE "new_ShopOrder" RENAME TO "ShopOrder";
CREATE UNIQUE INDEX "ShopOrder_externalId_key" ON "ShopOrder"("externalId");
CREATE UNIQUE INDEX "ShopOrder_claimCode_key" ON "ShopOrder"("claimCode");
CREATE INDEX "ShopOrder_memberId_placedAt_idx" ON "ShopOrder"("memberId", "placedAt");
CREATE INDEX "ShopOrder_email_idx" ON "ShopOrder"("email");
CREATE INDEX "ShopOrder_phone_idx" ON "ShopOrder"("phone");
CREATE INDEX "ShopOrder_commissionAt_placedAt_idx" ON "ShopOrder"("commissionAt", "placedAt");
CREATE TABLE "new_LiveRoom" (
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
    "groupId" TEXT,
    "segmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveRoom_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveRoom_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveRoom_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_LiveRoom" ("createdAt", "description", "endedAt", "groupId", "hostId", "id", "likeCount", "membersOnly", "messageCount", "peakViewers", "slowModeSeconds", "startedAt", "startsAt", "status", "streamUrl", "title", "updatedAt") SELECT "createdAt", "description", "endedAt", "groupId", "hostId", "id", "likeCount", "membersOnly", "messageCount", "peakViewers", "slowModeSeconds", "startedAt", "startsAt", "status", "streamUrl", "title", "updatedAt" FROM "LiveRoom";
DROP TABLE "LiveRoom";
ALTER TABLE "new_LiveRoom" RENAME TO "LiveRoom";
CREATE UNIQUE INDEX "LiveRoom_groupId_key" ON "LiveRoom"("groupId");
CREATE INDEX "LiveRoom_status_startsAt_idx" ON "LiveRoom"("status", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrderImport_createdAt_idx" ON "OrderImport"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Tier_name_key" ON "Tier"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Tier_position_key" ON "Tier"("position");

-- CreateIndex
CREATE INDEX "MemberTier_tierId_idx" ON "MemberTier"("tierId");

-- CreateIndex
CREATE INDEX "CouponTemplate_auto_active_idx" ON "CouponTemplate"("auto", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Coupon_code_key" ON "Coupon"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Coupon_key_key" ON "Coupon"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Coupon_orderId_key" ON "Coupon"("orderId");

-- CreateIndex
CREATE INDEX "Coupon_userId_expiresAt_idx" ON "Coupon"("userId", "expiresAt");

-- CreateIndex
CREATE INDEX "Coupon_expiresAt_remindedAt_idx" ON "Coupon"("expiresAt", "remindedAt");

-- CreateIndex
CREATE INDEX "MemberTag_tag_idx" ON "MemberTag"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_name_key" ON "Segment"("name");

-- CreateIndex
CREATE INDEX "Child_userId_idx" ON "Child"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_notificationId_key" ON "EmailMessage"("notificationId");

-- CreateIndex
CREATE INDEX "EmailMessage_status_createdAt_idx" ON "EmailMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_userId_createdAt_idx" ON "EmailMessage"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_key_key" ON "Notification"("key");

