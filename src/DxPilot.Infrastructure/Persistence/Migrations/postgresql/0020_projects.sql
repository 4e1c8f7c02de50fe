-- 0020 projects (PostgreSQL): a filed project from its transformation to its subsidy (seed 002 三（二）3-7, 附件5) — the project with its
-- completion report and acceptance as documents, its invoices (with the audit's classification), scans and payments.
CREATE TABLE "Projects" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "FilingId" uuid NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "District" character varying(64) NOT NULL,
    "ProjectName" character varying(200) NOT NULL,
    "TargetLevel" integer,
    "InvestmentWan" numeric(14,2),
    "DueOn" date,
    "ExcludedFromCentralFunds" boolean NOT NULL,
    "Status" integer NOT NULL,
    "StatusSince" timestamp with time zone NOT NULL,
    "FiledAt" timestamp with time zone NOT NULL,
    "Completion" text NOT NULL,
    "CompletedAt" timestamp with time zone,
    "AgencyId" uuid,
    "AgencyName" character varying(200),
    "AfterAssessmentId" uuid,
    "LevelAfter" integer,
    "ScoreAfter" numeric(6,2),
    "BeforeAssessmentId" uuid,
    "LevelBefore" integer,
    "ScoreBefore" numeric(6,2),
    "EvaluationConclusion" character varying(4000),
    "EvaluatedAt" timestamp with time zone,
    "Acceptance" text NOT NULL,
    "ExpertAccounts" character varying(2000) NOT NULL,
    "DistrictOpinion" character varying(4000),
    "AcceptedAt" timestamp with time zone,
    "AuditFirmId" uuid,
    "AuditFirmName" character varying(200),
    "EligibleYuan" numeric(14,2),
    "AuditOpinion" character varying(4000),
    "AuditedAt" timestamp with time zone,
    "SubsidyWan" numeric(14,2),
    "CentralWan" numeric(14,2),
    "LocalWan" numeric(14,2),
    "SubsidyBasis" character varying(4000),
    "ApprovalBatch" character varying(64),
    "ApprovedAt" timestamp with time zone,
    "PaidWan" numeric(14,2) NOT NULL,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Projects" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Projects_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Projects_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProjectFiles" (
    "Id" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    CONSTRAINT "PK_ProjectFiles" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ProjectFiles_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectInvoices" (
    "Id" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "ContractId" uuid,
    "Number" character varying(64) NOT NULL,
    "IssuedOn" date NOT NULL,
    "Seller" character varying(200) NOT NULL,
    "Item" character varying(200) NOT NULL,
    "AmountYuan" numeric(14,2) NOT NULL,
    "CategoryKey" character varying(64),
    "EligibleYuan" numeric(14,2),
    "AuditNote" character varying(1000),
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    CONSTRAINT "PK_ProjectInvoices" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ProjectInvoices_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectPayments" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "ProjectId" uuid NOT NULL,
    "PaidOn" date NOT NULL,
    "AmountWan" numeric(14,2) NOT NULL,
    "VoucherNo" character varying(64) NOT NULL,
    "Note" character varying(200),
    "RecordedByName" character varying(100) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ProjectPayments" PRIMARY KEY ("Id"),
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
