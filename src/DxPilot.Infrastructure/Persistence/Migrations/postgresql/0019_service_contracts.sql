-- 0019 service contracts (PostgreSQL): 附件2 服务合同 of filings, one per provider, with their lines as one document, and the stamped scans.
CREATE TABLE "ServiceContracts" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "FilingId" uuid NOT NULL,
    "Number" character varying(200) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "SignedOn" date,
    "PeriodStart" date NOT NULL,
    "PeriodEnd" date NOT NULL,
    "ProviderName" character varying(200) NOT NULL,
    "ProviderUscc" character varying(18) NOT NULL,
    "ProviderLegalRepresentative" character varying(200),
    "ProviderAddress" character varying(200),
    "ProviderContact" character varying(200) NOT NULL,
    "ProviderPhone" character varying(200) NOT NULL,
    "ProviderBankAccount" character varying(200),
    "ProviderBank" character varying(200),
    "ProviderOrganisationId" uuid,
    "EnterpriseBankAccount" character varying(200),
    "EnterpriseBank" character varying(200),
    "FirstPaymentPercent" integer NOT NULL,
    "Work" character varying(500) NOT NULL,
    "Lines" text NOT NULL,
    "TotalYuan" numeric(14,2) NOT NULL,
    "CreatedByName" character varying(100) NOT NULL,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ServiceContracts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ServiceContracts_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContractScans" (
    "Id" uuid NOT NULL,
    "ContractId" uuid NOT NULL,
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    CONSTRAINT "PK_ContractScans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ContractScans_ServiceContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "ServiceContracts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ContractScans_ContractId" ON "ContractScans" ("ContractId");

CREATE INDEX "IX_ServiceContracts_FilingId" ON "ServiceContracts" ("FilingId");

CREATE INDEX "IX_ServiceContracts_ProviderUscc" ON "ServiceContracts" ("ProviderUscc");
