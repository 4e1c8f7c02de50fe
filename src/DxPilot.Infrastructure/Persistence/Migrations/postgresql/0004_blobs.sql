-- 0004 blobs (PostgreSQL): files move out of their rows into the content-addressed blob store (tables Blobs and BlobChunks).
-- Every existing evidence picture is copied, in this transaction, into BlobChunks (1 MB per row) under the hash it was
-- stored with, which is where the database store (the default on PostgreSQL) reads it; then its row keeps only the
-- reference. When the file store is configured instead, the start-up step BlobRelocation moves these chunks into files.
CREATE TABLE "Blobs" (
    "Sha256" character varying(64) NOT NULL,
    "Size" bigint NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Blobs" PRIMARY KEY ("Sha256")
);

CREATE TABLE "BlobChunks" (
    "Sha256" character varying(64) NOT NULL,
    "Seq" integer NOT NULL,
    "Bytes" bytea NOT NULL,
    CONSTRAINT "PK_BlobChunks" PRIMARY KEY ("Sha256", "Seq")
);

-- The same picture attached to several items is one blob (the earliest upload dates it).
INSERT INTO "Blobs" ("Sha256", "Size", "ContentType", "CreatedAt")
SELECT DISTINCT ON ("Sha256") "Sha256", length("Content"), "ContentType", "UploadedAt"
FROM "BenchmarkEvidence" ORDER BY "Sha256", "UploadedAt";

INSERT INTO "BlobChunks" ("Sha256", "Seq", "Bytes")
SELECT e."Sha256", s."Seq", substring(e."Content" FROM s."Seq" * 1048576 + 1 FOR 1048576)
FROM (SELECT DISTINCT ON ("Sha256") "Sha256", "Content" FROM "BenchmarkEvidence" ORDER BY "Sha256", "UploadedAt") AS e
CROSS JOIN LATERAL generate_series(0, (length(e."Content") - 1) / 1048576) AS s("Seq")
WHERE length(e."Content") > 0;

-- Rebuilt without "Content", its reference columns in the order the model writes them.
CREATE TABLE "BenchmarkEvidence_0004" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "ItemNo" integer,
    "UploadedByUserId" character varying(64) NOT NULL,
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL
);

INSERT INTO "BenchmarkEvidence_0004" ("Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", "SizeBytes")
SELECT "Id", "ApplicationId", "Kind", "ItemNo", "UploadedByUserId", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", length("Content")
FROM "BenchmarkEvidence";

DROP TABLE "BenchmarkEvidence";

ALTER TABLE "BenchmarkEvidence_0004" RENAME TO "BenchmarkEvidence";

ALTER TABLE "BenchmarkEvidence" ADD CONSTRAINT "PK_BenchmarkEvidence" PRIMARY KEY ("Id");

ALTER TABLE "BenchmarkEvidence" ADD CONSTRAINT "FK_BenchmarkEvidence_BenchmarkApplications_ApplicationId"
    FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_BenchmarkEvidence_ApplicationId_Kind_ItemNo" ON "BenchmarkEvidence" ("ApplicationId", "Kind", "ItemNo");
