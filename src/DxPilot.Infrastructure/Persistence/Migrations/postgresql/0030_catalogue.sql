-- 0030 the needs and solutions catalogue (PostgreSQL): the scenario tree of seed 002 附件1 per programme, the
-- industries' common needs, the provider pool, the products and the enterprises' needs (docs/catalogue.md).
CREATE TABLE "CatalogueScenarios" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "Code" character varying(32) NOT NULL,
    "Level" integer NOT NULL,
    "ParentCode" character varying(32),
    "Name" character varying(100) NOT NULL,
    "Description" character varying(4000),
    "MiitScenarios" character varying(400) NOT NULL,
    "MappingReason" character varying(1000),
    "SortOrder" integer NOT NULL,
    "RetiredAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CatalogueScenarios" PRIMARY KEY ("Id")
);

CREATE TABLE "CatalogueCommonNeeds" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "ScenarioCode" character varying(32) NOT NULL,
    "IndustryKey" character varying(100) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "Version" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CatalogueCommonNeeds" PRIMARY KEY ("Id")
);

CREATE TABLE "PoolMembers" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Status" integer NOT NULL,
    "OrganisationName" character varying(200) NOT NULL,
    "Uscc" character varying(18) NOT NULL,
    "Address" character varying(200),
    "LegalRepresentative" character varying(50),
    "Qualifications" character varying(4000) NOT NULL,
    "Cases" character varying(8000) NOT NULL,
    "ContactName" character varying(50) NOT NULL,
    "ContactPhone" character varying(30) NOT NULL,
    "ContactEmail" character varying(100),
    "AppliedAt" timestamp with time zone,
    "DecidedAt" timestamp with time zone,
    "DecisionReason" character varying(1000),
    "Version" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PoolMembers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PoolMembers_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CatalogueProducts" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "ProviderId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Summary" character varying(4000) NOT NULL,
    "Scenarios" character varying(1000) NOT NULL,
    "Industries" character varying(1000) NOT NULL,
    "PriceLowWan" numeric(14,2) NOT NULL,
    "PriceHighWan" numeric(14,2) NOT NULL,
    "TaxIncluded" boolean NOT NULL,
    "DeliveryDays" integer NOT NULL,
    "CloudBased" boolean NOT NULL,
    "SpendCategory" character varying(64) NOT NULL,
    "Status" integer NOT NULL,
    "ReviewNote" character varying(1000),
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CatalogueProducts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CatalogueProducts_Organisations_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EnterpriseNeeds" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "ScenarioCode" character varying(32) NOT NULL,
    "Problem" character varying(2000) NOT NULL,
    "Pain" character varying(2000),
    "Priority" integer NOT NULL,
    "BudgetWan" numeric(14,2),
    "Source" integer NOT NULL,
    "DiagnosisId" uuid,
    "AuthorName" character varying(100) NOT NULL,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EnterpriseNeeds" PRIMARY KEY ("Id"),
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
