-- 0036 saved priced plans (SQLite): a plan as shown when saved, and its shares with providers (docs/catalogue-plan.md "Saved and shared plans").
CREATE TABLE "SavedPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SavedPlans" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "AssessmentId" TEXT NOT NULL,
    "AssessedOn" TEXT NOT NULL,
    "FromSelfTest" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "CurrentLevel" INTEGER NOT NULL,
    "TargetLevel" INTEGER NOT NULL,
    "Pins" TEXT NOT NULL,
    "Complete" INTEGER NOT NULL,
    "SomePricesExcludeTax" INTEGER NOT NULL,
    "TotalLowWan" TEXT NOT NULL,
    "TotalHighWan" TEXT NOT NULL,
    "EligibleLowWan" TEXT NOT NULL,
    "EligibleHighWan" TEXT NOT NULL,
    "SubsidyLowWan" TEXT NOT NULL,
    "SubsidyHighWan" TEXT NOT NULL,
    "OwnShareLowWan" TEXT NOT NULL,
    "OwnShareHighWan" TEXT NOT NULL,
    "BasisLow" TEXT NOT NULL,
    "BasisHigh" TEXT NOT NULL,
    "WithheldHighWan" TEXT NOT NULL,
    "Scenarios" TEXT NOT NULL,
    "Lines" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "CreatedByOrganisationId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_SavedPlans_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SavedPlanShares" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SavedPlanShares" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "ProviderId" TEXT NOT NULL,
    "ProviderName" TEXT NOT NULL,
    "SharedById" TEXT NOT NULL,
    "SharedByName" TEXT NOT NULL,
    "SharedAt" TEXT NOT NULL,
    "OpenedAt" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnByName" TEXT NULL,
    CONSTRAINT "FK_SavedPlanShares_Organisations_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SavedPlanShares_SavedPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "SavedPlans" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SavedPlans_EnterpriseId_CreatedAt" ON "SavedPlans" ("EnterpriseId", "CreatedAt");
CREATE INDEX "IX_SavedPlanShares_PlanId" ON "SavedPlanShares" ("PlanId");
CREATE INDEX "IX_SavedPlanShares_ProviderId_WithdrawnAt" ON "SavedPlanShares" ("ProviderId", "WithdrawnAt");
