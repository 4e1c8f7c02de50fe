-- 0025 awards (SQLite): the award calls' batches (动态申报、成熟一批、发布一批), the applications with their
-- 申报书 as one document, and each submission's frozen revision (seed 004; docs/awards.md).
CREATE TABLE "AwardBatches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AwardBatches" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "CallId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "AwardApplications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AwardApplications" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "CallId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "District" TEXT NOT NULL,
    "BatchId" TEXT NOT NULL,
    "Directions" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Content" TEXT NOT NULL,
    "SiteCheckNote" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AwardApplications_AwardBatches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "AwardBatches" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AwardApplications_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AwardRevisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AwardRevisions" PRIMARY KEY,
    "ApplicationId" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "Directions" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "SubmittedBy" TEXT NOT NULL,
    CONSTRAINT "FK_AwardRevisions_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AwardApplications_BatchId" ON "AwardApplications" ("BatchId");
CREATE UNIQUE INDEX "IX_AwardApplications_CallId_BatchId_EnterpriseId" ON "AwardApplications" ("CallId", "BatchId", "EnterpriseId");
CREATE INDEX "IX_AwardApplications_CallId_District_Status_UpdatedAt" ON "AwardApplications" ("CallId", "District", "Status", "UpdatedAt");
CREATE INDEX "IX_AwardApplications_CallId_Status_UpdatedAt" ON "AwardApplications" ("CallId", "Status", "UpdatedAt");
CREATE INDEX "IX_AwardApplications_EnterpriseId" ON "AwardApplications" ("EnterpriseId");
CREATE UNIQUE INDEX "IX_AwardBatches_CallId_Number" ON "AwardBatches" ("CallId", "Number");
CREATE UNIQUE INDEX "IX_AwardRevisions_ApplicationId_Revision" ON "AwardRevisions" ("ApplicationId", "Revision");
