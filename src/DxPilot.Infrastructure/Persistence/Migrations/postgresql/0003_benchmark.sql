-- 0003 benchmark (PostgreSQL): the Heilongjiang demonstration-benchmark application (示范标杆申报, seed 000) and its evidence files.
CREATE TABLE "BenchmarkApplications" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "InstrumentId" character varying(64) NOT NULL,
    "InstrumentVersion" character varying(32) NOT NULL,
    "Status" integer NOT NULL,
    "Answers" text NOT NULL,
    "Facts" text NOT NULL,
    "Overview" text,
    "SelfScore" numeric(9,4) NOT NULL,
    "SubTotals" text NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_BenchmarkApplications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BenchmarkApplications_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BenchmarkEvidence" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "ItemNo" integer,
    "FileName" character varying(260) NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "Content" bytea NOT NULL,
    "UploadedByUserId" character varying(64) NOT NULL,
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_BenchmarkEvidence" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BenchmarkEvidence_BenchmarkApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_BenchmarkApplications_EnterpriseId" ON "BenchmarkApplications" ("EnterpriseId");

CREATE UNIQUE INDEX "IX_BenchmarkApplications_ProgrammeId_EnterpriseId" ON "BenchmarkApplications" ("ProgrammeId", "EnterpriseId");

CREATE INDEX "IX_BenchmarkEvidence_ApplicationId_Kind_ItemNo" ON "BenchmarkEvidence" ("ApplicationId", "Kind", "ItemNo");
