-- 0009 import problems (SQLite): each refused row of an import is a row of its own, appended batch by batch instead of
-- the whole JSON list being rewritten every batch; the job keeps the count of refused rows and how often it was started.
-- The problems wait in a table without a key to the jobs: dropping the old job table would cascade to them.
CREATE TEMP TABLE "ImportProblems_0009" AS
SELECT j."Id" AS "JobId", json_extract(p.value, '$.row') AS "Row", json_extract(p.value, '$.reason') AS "Reason", j."Id" || ':' || printf('%09d', p.key) AS "Seq"
FROM "ImportJobs" j, json_each(j."Problems") AS p;

-- The job table is rebuilt (SQLite adds NOT NULL columns only with a default, which the model does not have).
CREATE TABLE "ImportJobs_0009" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImportJobs" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "TotalRows" INTEGER NOT NULL,
    "ProcessedRows" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Updated" INTEGER NOT NULL,
    "Unchanged" INTEGER NOT NULL,
    "FileError" TEXT NULL,
    "Content" BLOB NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "Refused" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL
);

-- Earlier jobs counted the header note (its row is the header's) among their problems; it is not a refused row.
INSERT INTO "ImportJobs_0009" ("Id", "ProgrammeId", "FileName", "ActorId", "ActorName", "CreatedAt", "FinishedAt", "Status", "TotalRows",
    "ProcessedRows", "Created", "Updated", "Unchanged", "FileError", "Content", "LeaseOwner", "LeaseUntil", "Refused", "Attempts")
SELECT j."Id", j."ProgrammeId", j."FileName", j."ActorId", j."ActorName", j."CreatedAt", j."FinishedAt", j."Status", j."TotalRows",
    j."ProcessedRows", j."Created", j."Updated", j."Unchanged", j."FileError", j."Content", j."LeaseOwner", j."LeaseUntil",
    (SELECT count(DISTINCT p."Row") FROM "ImportProblems_0009" p WHERE p."JobId" = j."Id" AND p."Reason" NOT LIKE '以下列未识别%'), 0
FROM "ImportJobs" j;

DROP TABLE "ImportJobs";
ALTER TABLE "ImportJobs_0009" RENAME TO "ImportJobs";
CREATE INDEX "IX_ImportJobs_ProgrammeId_CreatedAt" ON "ImportJobs" ("ProgrammeId", "CreatedAt");
CREATE INDEX "IX_ImportJobs_Status" ON "ImportJobs" ("Status");

CREATE TABLE "ImportProblems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportProblems" PRIMARY KEY AUTOINCREMENT,
    "JobId" TEXT NOT NULL,
    "Row" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    CONSTRAINT "FK_ImportProblems_ImportJobs_JobId" FOREIGN KEY ("JobId") REFERENCES "ImportJobs" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImportProblems_JobId_Row" ON "ImportProblems" ("JobId", "Row");

INSERT INTO "ImportProblems" ("JobId", "Row", "Reason") SELECT "JobId", "Row", "Reason" FROM "ImportProblems_0009" ORDER BY "Seq";
DROP TABLE "ImportProblems_0009";
