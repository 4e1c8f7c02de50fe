-- 0036 saved priced plans (PostgreSQL): a plan as shown when saved, and its shares with providers (docs/catalogue-plan.md "Saved and shared plans").
CREATE TABLE "SavedPlans" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "AssessedOn" date NOT NULL,
    "FromSelfTest" boolean NOT NULL,
    "Title" character varying(200) NOT NULL,
    "CurrentLevel" integer NOT NULL,
    "TargetLevel" integer NOT NULL,
    "Pins" character varying(4000) NOT NULL,
    "Complete" boolean NOT NULL,
    "SomePricesExcludeTax" boolean NOT NULL,
    "TotalLowWan" numeric(14,2) NOT NULL,
    "TotalHighWan" numeric(14,2) NOT NULL,
    "EligibleLowWan" numeric(14,2) NOT NULL,
    "EligibleHighWan" numeric(14,2) NOT NULL,
    "SubsidyLowWan" numeric(14,2) NOT NULL,
    "SubsidyHighWan" numeric(14,2) NOT NULL,
    "OwnShareLowWan" numeric(14,2) NOT NULL,
    "OwnShareHighWan" numeric(14,2) NOT NULL,
    "BasisLow" character varying(1000) NOT NULL,
    "BasisHigh" character varying(1000) NOT NULL,
    "WithheldHighWan" numeric(14,2) NOT NULL,
    "Scenarios" text NOT NULL,
    "Lines" text NOT NULL,
    "CreatedById" character varying(64) NOT NULL,
    "CreatedByName" character varying(100) NOT NULL,
    "CreatedByOrganisationId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_SavedPlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SavedPlans_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SavedPlanShares" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "ProviderId" uuid NOT NULL,
    "ProviderName" character varying(200) NOT NULL,
    "SharedById" character varying(64) NOT NULL,
    "SharedByName" character varying(100) NOT NULL,
    "SharedAt" timestamp with time zone NOT NULL,
    "OpenedAt" timestamp with time zone,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawnByName" character varying(100),
    CONSTRAINT "PK_SavedPlanShares" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SavedPlanShares_Organisations_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SavedPlanShares_SavedPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "SavedPlans" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SavedPlans_EnterpriseId_CreatedAt" ON "SavedPlans" ("EnterpriseId", "CreatedAt");
CREATE INDEX "IX_SavedPlanShares_PlanId" ON "SavedPlanShares" ("PlanId");
CREATE INDEX "IX_SavedPlanShares_ProviderId_WithdrawnAt" ON "SavedPlanShares" ("ProviderId", "WithdrawnAt");
