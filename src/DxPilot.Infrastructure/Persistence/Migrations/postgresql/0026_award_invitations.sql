-- 0026 award invitations (PostgreSQL): the SMEs a 链式 case names and each one's answer from its own
-- account (seed 004 附件2 三（七）; docs/awards.md).
CREATE TABLE "AwardInvitations" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Uscc" character varying(18) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Code" character varying(16) NOT NULL,
    "Answer" integer NOT NULL,
    "AnsweredAt" timestamp with time zone,
    "AnsweredBy" character varying(100),
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AwardInvitations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AwardInvitations_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AwardInvitations_ApplicationId_Uscc" ON "AwardInvitations" ("ApplicationId", "Uscc");
CREATE UNIQUE INDEX "IX_AwardInvitations_Code" ON "AwardInvitations" ("Code");
CREATE INDEX "IX_AwardInvitations_ProgrammeId_Uscc" ON "AwardInvitations" ("ProgrammeId", "Uscc");
