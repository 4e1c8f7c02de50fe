-- 0049: 示范标杆 evidence gains its year. Seed 000 三、4 asks for each year's 赋码 audited report (2022—2024) and the
-- precondition now counts a year only with that year's report on file (kind 6); the business licence (kind 7) and the
-- province's recognition document (kind 8) need no column. Files uploaded before are of the other kinds: their year stays NULL.
-- Rebuilt (as 0004 did) so that "Year" stands where the model writes it, after "UploadedAt" and before the file's columns.
CREATE TABLE "BenchmarkEvidence_0049" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BenchmarkEvidence" PRIMARY KEY,
    "ApplicationId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ItemNo" INTEGER NULL,
    "UploadedByUserId" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "Year" INTEGER NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_BenchmarkEvidence_BenchmarkApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE RESTRICT
);

INSERT INTO "BenchmarkEvidence_0049" ("Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", "SizeBytes")
SELECT "Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", "SizeBytes"
FROM "BenchmarkEvidence";

DROP TABLE "BenchmarkEvidence";

ALTER TABLE "BenchmarkEvidence_0049" RENAME TO "BenchmarkEvidence";

CREATE INDEX "IX_BenchmarkEvidence_ApplicationId_Kind_ItemNo" ON "BenchmarkEvidence" ("ApplicationId", "Kind", "ItemNo");
