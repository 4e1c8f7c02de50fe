-- 0020 projects (SQLite): a filed project from its transformation to its subsidy (seed 002 三（二）3-7, 附件5) — the project with its
-- completion report and acceptance as documents, its invoices (with the audit's classification), scans and payments.
CREATE TABLE "Projects" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Projects" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "FilingId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "District" TEXT NOT NULL,
    "ProjectName" TEXT NOT NULL,
    "TargetLevel" INTEGER NULL,
    "InvestmentWan" TEXT NULL,
    "DueOn" TEXT NULL,
    "ExcludedFromCentralFunds" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "StatusSince" TEXT NOT NULL,
    "FiledAt" TEXT NOT NULL,
    "Completion" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "AgencyId" TEXT NULL,
    "AgencyName" TEXT NULL,
    "AfterAssessmentId" TEXT NULL,
    "LevelAfter" INTEGER NULL,
    "ScoreAfter" TEXT NULL,
    "BeforeAssessmentId" TEXT NULL,
    "LevelBefore" INTEGER NULL,
    "ScoreBefore" TEXT NULL,
    "EvaluationConclusion" TEXT NULL,
    "EvaluatedAt" TEXT NULL,
    "Acceptance" TEXT NOT NULL,
    "ExpertAccounts" TEXT NOT NULL,
    "DistrictOpinion" TEXT NULL,
    "AcceptedAt" TEXT NULL,
    "AuditFirmId" TEXT NULL,
    "AuditFirmName" TEXT NULL,
    "EligibleYuan" TEXT NULL,
    "AuditOpinion" TEXT NULL,
    "AuditedAt" TEXT NULL,
    "SubsidyWan" TEXT NULL,
    "CentralWan" TEXT NULL,
    "LocalWan" TEXT NULL,
    "SubsidyBasis" TEXT NULL,
    "ApprovalBatch" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "PaidWan" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Projects_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Projects_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProjectFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProjectFiles" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_ProjectFiles_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectInvoices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProjectInvoices" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "ContractId" TEXT NULL,
    "Number" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "Seller" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "AmountYuan" TEXT NOT NULL,
    "CategoryKey" TEXT NULL,
    "EligibleYuan" TEXT NULL,
    "AuditNote" TEXT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_ProjectInvoices_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectPayments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProjectPayments" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "PaidOn" TEXT NOT NULL,
    "AmountWan" TEXT NOT NULL,
    "VoucherNo" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ProjectPayments_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ProjectFiles_ProjectId" ON "ProjectFiles" ("ProjectId");

CREATE UNIQUE INDEX "IX_ProjectInvoices_ProjectId_Number" ON "ProjectInvoices" ("ProjectId", "Number");

CREATE UNIQUE INDEX "IX_ProjectPayments_ProgrammeId_VoucherNo" ON "ProjectPayments" ("ProgrammeId", "VoucherNo");

CREATE INDEX "IX_ProjectPayments_ProjectId" ON "ProjectPayments" ("ProjectId");

CREATE INDEX "IX_Projects_EnterpriseId" ON "Projects" ("EnterpriseId");

CREATE UNIQUE INDEX "IX_Projects_FilingId" ON "Projects" ("FilingId");

CREATE INDEX "IX_Projects_ProgrammeId_District_Status_StatusSince" ON "Projects" ("ProgrammeId", "District", "Status", "StatusSince");

CREATE INDEX "IX_Projects_ProgrammeId_Status_StatusSince" ON "Projects" ("ProgrammeId", "Status", "StatusSince");
