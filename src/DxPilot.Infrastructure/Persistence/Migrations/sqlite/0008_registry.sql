-- A search text without the phone for roles that see it masked. Existing rows are filled from their SearchText, whose
-- last field is the phone when there is one. (SQLite searches by substring alone; the character grams are PostgreSQL's.)
ALTER TABLE "Enterprises" ADD "PublicSearchText" TEXT NOT NULL DEFAULT '';
UPDATE "Enterprises" SET "PublicSearchText" = CASE WHEN coalesce("ContactPhone", '') = '' THEN "SearchText"
    ELSE rtrim(substr("SearchText", 1, length("SearchText") - length("ContactPhone")), ' ') END;

-- 企业信息变更: an enterprise's proposals for the fields a bureau vouches for, confirmed or returned by a bureau.
CREATE TABLE "BureauFieldChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BureauFieldChanges" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Uscc" TEXT NULL,
    "QualityTier" INTEGER NOT NULL,
    "AboveScale" INTEGER NULL,
    "IndustryKey" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ProposedById" TEXT NOT NULL,
    "ProposedByName" TEXT NOT NULL,
    "ProposedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "DecidedByName" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_BureauFieldChanges_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_BureauFieldChanges_EnterpriseId_Status" ON "BureauFieldChanges" ("EnterpriseId", "Status");
CREATE INDEX "IX_BureauFieldChanges_ProgrammeId_Status_ProposedAt" ON "BureauFieldChanges" ("ProgrammeId", "Status", "ProposedAt");
