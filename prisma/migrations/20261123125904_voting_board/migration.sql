-- CreateTable
CREATE TABLE "VoteRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "maxVotes" INTEGER,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "targetPriceCents" INTEGER,
    "depositCents" INTEGER,
    "variants" TEXT NOT NULL DEFAULT '',
    "stage" TEXT NOT NULL DEFAULT 'proposed',
    "review" TEXT NOT NULL DEFAULT 'approved',
    "declineReason" TEXT,
    "selectAt" INTEGER,
    "proposedById" TEXT NOT NULL,
    "mergedIntoId" TEXT,
    "stageChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Candidate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VoteRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Candidate_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "roundId" TEXT,
    "variant" TEXT,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ballot" (
    "roundId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    -- Added by hand (Prisma cannot express CHECK): a vote past the budget fails its transaction.
    "used" INTEGER NOT NULL CHECK ("used" >= 0 AND "used" <= "allowed"),
    "allowed" INTEGER NOT NULL,

    PRIMARY KEY ("roundId", "memberId"),
    CONSTRAINT "Ballot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VoteRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "variant" TEXT NOT NULL DEFAULT '',
    "quantity" INTEGER NOT NULL CHECK ("quantity" > 0),
    "depositCents" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrderIntent_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'customer',
    "locale" TEXT,
    "birthdayMonth" INTEGER,
    "birthdayDay" INTEGER,
    "region" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "passwordChangedAt" DATETIME,
    "bannedAt" DATETIME,
    "notifyVotes" BOOLEAN NOT NULL DEFAULT true,
    "creditVotes" BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO "new_User" ("bannedAt", "birthdayDay", "birthdayMonth", "createdAt", "displayName", "email", "id", "locale", "passwordChangedAt", "passwordHash", "region", "role", "updatedAt") SELECT "bannedAt", "birthdayDay", "birthdayMonth", "createdAt", "displayName", "email", "id", "locale", "passwordChangedAt", "passwordHash", "region", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_role_createdAt_idx" ON "User"("role", "createdAt");
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
    CONSTRAINT "Media_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Media" ("bytes", "createdAt", "durationMs", "failureReason", "format", "height", "id", "kind", "placeholder", "position", "postId", "productId", "status", "updatedAt", "uploaderId", "width") SELECT "bytes", "createdAt", "durationMs", "failureReason", "format", "height", "id", "kind", "placeholder", "position", "postId", "productId", "status", "updatedAt", "uploaderId", "width" FROM "Media";
DROP TABLE "Media";
ALTER TABLE "new_Media" RENAME TO "Media";
CREATE INDEX "Media_postId_position_idx" ON "Media"("postId", "position");
CREATE INDEX "Media_candidateId_position_idx" ON "Media"("candidateId", "position");
CREATE INDEX "Media_productId_position_idx" ON "Media"("productId", "position");
CREATE INDEX "Media_status_createdAt_idx" ON "Media"("status", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "VoteRound_endsAt_idx" ON "VoteRound"("endsAt");

-- CreateIndex
CREATE INDEX "Candidate_roundId_stage_idx" ON "Candidate"("roundId", "stage");

-- CreateIndex
CREATE INDEX "Candidate_review_createdAt_idx" ON "Candidate"("review", "createdAt");

-- CreateIndex
CREATE INDEX "Vote_memberId_roundId_idx" ON "Vote"("memberId", "roundId");

-- CreateIndex
CREATE INDEX "Vote_candidateId_createdAt_idx" ON "Vote"("candidateId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_candidateId_memberId_key" ON "Vote"("candidateId", "memberId");

-- CreateIndex
CREATE INDEX "OrderIntent_source_sourceId_status_idx" ON "OrderIntent"("source", "sourceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OrderIntent_source_sourceId_memberId_variant_key" ON "OrderIntent"("source", "sourceId", "memberId", "variant");

