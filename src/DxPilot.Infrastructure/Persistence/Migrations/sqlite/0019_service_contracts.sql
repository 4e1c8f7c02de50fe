-- 0019 service contracts (SQLite): 附件2 服务合同 of filings, one per provider, with their lines as one document, and the stamped scans.
CREATE TABLE "ServiceContracts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ServiceContracts" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "FilingId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SignedOn" TEXT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "ProviderName" TEXT NOT NULL,
    "ProviderUscc" TEXT NOT NULL,
    "ProviderLegalRepresentative" TEXT NULL,
    "ProviderAddress" TEXT NULL,
    "ProviderContact" TEXT NOT NULL,
    "ProviderPhone" TEXT NOT NULL,
    "ProviderBankAccount" TEXT NULL,
    "ProviderBank" TEXT NULL,
    "ProviderOrganisationId" TEXT NULL,
    "EnterpriseBankAccount" TEXT NULL,
    "EnterpriseBank" TEXT NULL,
    "FirstPaymentPercent" INTEGER NOT NULL,
    "Work" TEXT NOT NULL,
    "Lines" TEXT NOT NULL,
    "TotalYuan" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ServiceContracts_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContractScans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContractScans" PRIMARY KEY,
    "ContractId" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_ContractScans_ServiceContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "ServiceContracts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ContractScans_ContractId" ON "ContractScans" ("ContractId");

CREATE INDEX "IX_ServiceContracts_FilingId" ON "ServiceContracts" ("FilingId");

CREATE INDEX "IX_ServiceContracts_ProviderUscc" ON "ServiceContracts" ("ProviderUscc");
