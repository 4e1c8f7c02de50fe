-- 0049: 示范标杆 evidence gains its year. Seed 000 三、4 asks for each year's 赋码 audited report (2022—2024) and the
-- precondition now counts a year only with that year's report on file (kind 6); the business licence (kind 7) and the
-- province's recognition document (kind 8) need no column. Files uploaded before are of the other kinds: their year stays NULL.
-- Rebuilt (as 0004 did) so that "Year" stands where the model writes it, after "UploadedAt" and before the file's columns.
CREATE TABLE "BenchmarkEvidence_0049" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "ItemNo" integer,
    "UploadedByUserId" character varying(64) NOT NULL,
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "Year" integer,
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL
);

INSERT INTO "BenchmarkEvidence_0049" ("Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", "SizeBytes")
SELECT "Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", "SizeBytes"
FROM "BenchmarkEvidence";

DROP TABLE "BenchmarkEvidence";

ALTER TABLE "BenchmarkEvidence_0049" RENAME TO "BenchmarkEvidence";

ALTER TABLE "BenchmarkEvidence" ADD CONSTRAINT "PK_BenchmarkEvidence" PRIMARY KEY ("Id");

ALTER TABLE "BenchmarkEvidence" ADD CONSTRAINT "FK_BenchmarkEvidence_BenchmarkApplications_ApplicationId"
    FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_BenchmarkEvidence_ApplicationId_Kind_ItemNo" ON "BenchmarkEvidence" ("ApplicationId", "Kind", "ItemNo");
