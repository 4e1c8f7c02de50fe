-- 0025 awards (PostgreSQL): the award calls' batches (动态申报、成熟一批、发布一批), the applications with their
-- 申报书 as one document, and each submission's frozen revision (seed 004; docs/awards.md).
CREATE TABLE "AwardBatches" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "CallId" character varying(64) NOT NULL,
    "Number" integer NOT NULL,
    "Name" character varying(60) NOT NULL,
    "OpenedAt" timestamp with time zone NOT NULL,
    "ClosedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_AwardBatches" PRIMARY KEY ("Id")
);

CREATE TABLE "AwardApplications" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "CallId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "District" character varying(64) NOT NULL,
    "BatchId" uuid NOT NULL,
    "Directions" character varying(200) NOT NULL,
    "Status" integer NOT NULL,
    "Content" text NOT NULL,
    "SiteCheckNote" character varying(2000),
    "Revision" integer NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AwardApplications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AwardApplications_AwardBatches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "AwardBatches" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AwardApplications_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AwardRevisions" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Revision" integer NOT NULL,
    "Directions" character varying(200) NOT NULL,
    "Content" text NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    "SubmittedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_AwardRevisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AwardRevisions_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AwardApplications_BatchId" ON "AwardApplications" ("BatchId");
CREATE UNIQUE INDEX "IX_AwardApplications_CallId_BatchId_EnterpriseId" ON "AwardApplications" ("CallId", "BatchId", "EnterpriseId");
CREATE INDEX "IX_AwardApplications_CallId_District_Status_UpdatedAt" ON "AwardApplications" ("CallId", "District", "Status", "UpdatedAt");
CREATE INDEX "IX_AwardApplications_CallId_Status_UpdatedAt" ON "AwardApplications" ("CallId", "Status", "UpdatedAt");
CREATE INDEX "IX_AwardApplications_EnterpriseId" ON "AwardApplications" ("EnterpriseId");
CREATE UNIQUE INDEX "IX_AwardBatches_CallId_Number" ON "AwardBatches" ("CallId", "Number");
CREATE UNIQUE INDEX "IX_AwardRevisions_ApplicationId_Revision" ON "AwardRevisions" ("ApplicationId", "Revision");
