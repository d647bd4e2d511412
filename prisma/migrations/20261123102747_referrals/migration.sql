-- CreateTable
CREATE TABLE "ReferralCode" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReferralCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attribution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "shareLinkId" TEXT,
    "campaign" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "flagReason" TEXT,
    "visitedAt" DATETIME NOT NULL,
    "signupIp" TEXT NOT NULL,
    "deviceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" DATETIME,
    CONSTRAINT "Attribution_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attribution_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attribution_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceSeen" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeviceSeen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QualifyingOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attributionId" TEXT NOT NULL,
    "orderRef" TEXT NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "payableAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    CONSTRAINT "QualifyingOrder_attributionId_fkey" FOREIGN KEY ("attributionId") REFERENCES "Attribution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCode_code_key" ON "ReferralCode"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_code_key" ON "ShareLink"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_userId_targetType_targetId_key" ON "ShareLink"("userId", "targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Attribution_memberId_key" ON "Attribution"("memberId");

-- CreateIndex
CREATE INDEX "Attribution_referrerId_createdAt_idx" ON "Attribution"("referrerId", "createdAt");

-- CreateIndex
CREATE INDEX "Attribution_signupIp_createdAt_idx" ON "Attribution"("signupIp", "createdAt");

-- CreateIndex
CREATE INDEX "Attribution_status_createdAt_idx" ON "Attribution"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DeviceSeen_deviceId_idx" ON "DeviceSeen"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceSeen_userId_deviceId_key" ON "DeviceSeen"("userId", "deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "QualifyingOrder_attributionId_key" ON "QualifyingOrder"("attributionId");

-- CreateIndex
CREATE INDEX "QualifyingOrder_payableAt_paidAt_idx" ON "QualifyingOrder"("payableAt", "paidAt");

