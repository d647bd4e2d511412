-- CreateTable
CREATE TABLE "BlindBoxSpend" (
    "memberId" TEXT NOT NULL,
    "memberDayId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "remaining" INTEGER NOT NULL CHECK ("remaining" >= 0),

    PRIMARY KEY ("memberId", "memberDayId", "day"),
    CONSTRAINT "BlindBoxSpend_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BlindBoxSpend_memberDayId_fkey" FOREIGN KEY ("memberDayId") REFERENCES "MemberDay" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

