-- 0030 the needs and solutions catalogue (SQLite): the scenario tree of seed 002 附件1 per programme, the
-- industries' common needs, the provider pool, the products and the enterprises' needs (docs/catalogue.md).
CREATE TABLE "CatalogueScenarios" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CatalogueScenarios" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "ParentCode" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "MiitScenarios" TEXT NOT NULL,
    "MappingReason" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "RetiredAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "CatalogueCommonNeeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CatalogueCommonNeeds" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "ScenarioCode" TEXT NOT NULL,
    "IndustryKey" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "PoolMembers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PoolMembers" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "OrganisationName" TEXT NOT NULL,
    "Uscc" TEXT NOT NULL,
    "Address" TEXT NULL,
    "LegalRepresentative" TEXT NULL,
    "Qualifications" TEXT NOT NULL,
    "Cases" TEXT NOT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactPhone" TEXT NOT NULL,
    "ContactEmail" TEXT NULL,
    "AppliedAt" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PoolMembers_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CatalogueProducts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CatalogueProducts" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "ProviderId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Scenarios" TEXT NOT NULL,
    "Industries" TEXT NOT NULL,
    "PriceLowWan" TEXT NOT NULL,
    "PriceHighWan" TEXT NOT NULL,
    "TaxIncluded" INTEGER NOT NULL,
    "DeliveryDays" INTEGER NOT NULL,
    "CloudBased" INTEGER NOT NULL,
    "SpendCategory" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "ReviewNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CatalogueProducts_Organisations_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EnterpriseNeeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EnterpriseNeeds" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "ScenarioCode" TEXT NOT NULL,
    "Problem" TEXT NOT NULL,
    "Pain" TEXT NULL,
    "Priority" INTEGER NOT NULL,
    "BudgetWan" TEXT NULL,
    "Source" INTEGER NOT NULL,
    "DiagnosisId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_EnterpriseNeeds_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CatalogueCommonNeeds_ProgrammeId_IndustryKey_ScenarioCode" ON "CatalogueCommonNeeds" ("ProgrammeId", "IndustryKey", "ScenarioCode");
CREATE INDEX "IX_CatalogueProducts_ProgrammeId_Status_Name" ON "CatalogueProducts" ("ProgrammeId", "Status", "Name");
CREATE INDEX "IX_CatalogueProducts_ProviderId_Name" ON "CatalogueProducts" ("ProviderId", "Name");
CREATE UNIQUE INDEX "IX_CatalogueScenarios_ProgrammeId_Code" ON "CatalogueScenarios" ("ProgrammeId", "Code");
CREATE INDEX "IX_EnterpriseNeeds_EnterpriseId_ScenarioCode" ON "EnterpriseNeeds" ("EnterpriseId", "ScenarioCode");
CREATE INDEX "IX_EnterpriseNeeds_ProgrammeId_ScenarioCode" ON "EnterpriseNeeds" ("ProgrammeId", "ScenarioCode");
CREATE INDEX "IX_PoolMembers_OrganisationId" ON "PoolMembers" ("OrganisationId");
CREATE UNIQUE INDEX "IX_PoolMembers_ProgrammeId_OrganisationId" ON "PoolMembers" ("ProgrammeId", "OrganisationId");
CREATE INDEX "IX_PoolMembers_ProgrammeId_Status" ON "PoolMembers" ("ProgrammeId", "Status");
