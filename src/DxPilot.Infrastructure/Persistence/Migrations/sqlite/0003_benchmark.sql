-- 0003 benchmark (SQLite): the Heilongjiang demonstration-benchmark application (示范标杆申报, seed 000) and its evidence files.
CREATE TABLE "BenchmarkApplications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BenchmarkApplications" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "InstrumentId" TEXT NOT NULL,
    "InstrumentVersion" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Answers" TEXT NOT NULL,
    "Facts" TEXT NOT NULL,
    "Overview" TEXT NULL,
    "SelfScore" TEXT NOT NULL,
    "SubTotals" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_BenchmarkApplications_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BenchmarkEvidence" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BenchmarkEvidence" PRIMARY KEY,
    "ApplicationId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ItemNo" INTEGER NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedByUserId" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_BenchmarkEvidence_BenchmarkApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_BenchmarkApplications_EnterpriseId" ON "BenchmarkApplications" ("EnterpriseId");

CREATE UNIQUE INDEX "IX_BenchmarkApplications_ProgrammeId_EnterpriseId" ON "BenchmarkApplications" ("ProgrammeId", "EnterpriseId");

CREATE INDEX "IX_BenchmarkEvidence_ApplicationId_Kind_ItemNo" ON "BenchmarkEvidence" ("ApplicationId", "Kind", "ItemNo");
