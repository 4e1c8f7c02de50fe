-- 0018 filings (SQLite): 改造项目备案 (seed 003, seed 002 三（二） and 附件4) — the filing with its answers by key, each
-- submitted version frozen, and the experts' reviews of each round.
CREATE TABLE "Filings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Filings" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "District" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Values" TEXT NOT NULL,
    "ProjectName" TEXT NOT NULL,
    "TargetLevel" INTEGER NULL,
    "InvestmentWan" TEXT NULL,
    "Round" INTEGER NOT NULL,
    "SubmittedAt" TEXT NULL,
    "StatusSince" TEXT NOT NULL,
    "FiledAt" TEXT NULL,
    "LastOpinion" TEXT NULL,
    "LittleGiantCentralFunded" INTEGER NOT NULL,
    "Pilot2022" INTEGER NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Filings_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FilingExpertReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FilingExpertReviews" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "FilingId" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "ExpertUserId" TEXT NOT NULL,
    "ExpertName" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "AssignedByName" TEXT NOT NULL,
    "Scores" TEXT NOT NULL,
    "Recommendation" INTEGER NULL,
    "Opinion" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_FilingExpertReviews_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FilingVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FilingVersions" PRIMARY KEY,
    "FilingId" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "SubmittedByName" TEXT NOT NULL,
    "Values" TEXT NOT NULL,
    "Basics" TEXT NOT NULL,
    "Providers" TEXT NOT NULL,
    CONSTRAINT "FK_FilingVersions_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_FilingExpertReviews_ExpertUserId_SubmittedAt" ON "FilingExpertReviews" ("ExpertUserId", "SubmittedAt");

CREATE UNIQUE INDEX "IX_FilingExpertReviews_FilingId_Round_ExpertUserId" ON "FilingExpertReviews" ("FilingId", "Round", "ExpertUserId");

CREATE INDEX "IX_Filings_EnterpriseId" ON "Filings" ("EnterpriseId");

CREATE INDEX "IX_Filings_ProgrammeId_District_Status_StatusSince" ON "Filings" ("ProgrammeId", "District", "Status", "StatusSince");

CREATE INDEX "IX_Filings_ProgrammeId_Status_StatusSince" ON "Filings" ("ProgrammeId", "Status", "StatusSince");

CREATE UNIQUE INDEX "IX_FilingVersions_FilingId_Round" ON "FilingVersions" ("FilingId", "Round");
