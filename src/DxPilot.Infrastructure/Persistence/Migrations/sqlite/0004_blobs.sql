-- 0004 blobs (SQLite): files move out of their rows into the content-addressed blob store (tables Blobs and BlobChunks).
-- Every existing evidence picture is copied, in this transaction, into BlobChunks (1 MB per row) under the hash it was
-- stored with; then its row keeps only the reference. SQL cannot write files: when the file store is configured (the
-- default on SQLite), the start-up step BlobRelocation moves these chunks into files, one blob at a time, deleting a
-- blob's chunks only once its file is in place and matches the hash.
CREATE TABLE "Blobs" (
    "Sha256" TEXT NOT NULL CONSTRAINT "PK_Blobs" PRIMARY KEY,
    "Size" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "BlobChunks" (
    "Sha256" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "Bytes" BLOB NOT NULL,
    CONSTRAINT "PK_BlobChunks" PRIMARY KEY ("Sha256", "Seq")
);

-- The same picture attached to several items is one blob (the earliest upload dates it).
INSERT INTO "Blobs" ("Sha256", "Size", "ContentType", "CreatedAt")
SELECT "Sha256", length("Content"), "ContentType", min("UploadedAt") FROM "BenchmarkEvidence" GROUP BY "Sha256";

WITH RECURSIVE "Seqs"("Seq") AS (
    SELECT 0
    UNION ALL
    SELECT "Seq" + 1 FROM "Seqs" WHERE ("Seq" + 1) * 1048576 < (SELECT coalesce(max(length("Content")), 0) FROM "BenchmarkEvidence")
)
INSERT INTO "BlobChunks" ("Sha256", "Seq", "Bytes")
SELECT e."Sha256", s."Seq", substr(e."Content", s."Seq" * 1048576 + 1, 1048576)
FROM (SELECT "Sha256", "Content" FROM "BenchmarkEvidence" WHERE rowid IN (SELECT min(rowid) FROM "BenchmarkEvidence" GROUP BY "Sha256")) AS e
JOIN "Seqs" AS s ON s."Seq" * 1048576 < length(e."Content");

-- Rebuilt without "Content", its reference columns in the order the model writes them.
CREATE TABLE "BenchmarkEvidence_0004" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BenchmarkEvidence" PRIMARY KEY,
    "ApplicationId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ItemNo" INTEGER NULL,
    "UploadedByUserId" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_BenchmarkEvidence_BenchmarkApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE RESTRICT
);

INSERT INTO "BenchmarkEvidence_0004" ("Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", "SizeBytes")
SELECT "Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", length("Content")
FROM "BenchmarkEvidence";

DROP TABLE "BenchmarkEvidence";

ALTER TABLE "BenchmarkEvidence_0004" RENAME TO "BenchmarkEvidence";

CREATE INDEX "IX_BenchmarkEvidence_ApplicationId_Kind_ItemNo" ON "BenchmarkEvidence" ("ApplicationId", "Kind", "ItemNo");
