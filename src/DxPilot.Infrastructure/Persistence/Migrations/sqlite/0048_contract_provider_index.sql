-- 0048: a provider's filings and projects include those whose contract names it as 乙方 (ProviderWork): found through this
-- index rather than by reading every contract (docs/measurements-projects.md, "A provider's list").
CREATE INDEX "IX_ServiceContracts_ProviderOrganisationId" ON "ServiceContracts" ("ProviderOrganisationId");
