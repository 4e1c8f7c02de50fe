-- 0026 award invitations (SQLite): the SMEs a 链式 case names and each one's answer from its own
-- account (seed 004 附件2 三（七）; docs/awards.md).
CREATE TABLE "AwardInvitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AwardInvitations" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "ApplicationId" TEXT NOT NULL,
    "Uscc" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Answer" INTEGER NOT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AwardInvitations_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AwardInvitations_ApplicationId_Uscc" ON "AwardInvitations" ("ApplicationId", "Uscc");
CREATE UNIQUE INDEX "IX_AwardInvitations_Code" ON "AwardInvitations" ("Code");
CREATE INDEX "IX_AwardInvitations_ProgrammeId_Uscc" ON "AwardInvitations" ("ProgrammeId", "Uscc");
