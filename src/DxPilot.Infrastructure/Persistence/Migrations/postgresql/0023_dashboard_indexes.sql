-- 0023 dashboard indexes (PostgreSQL): what the uncached dashboard reads over a whole programme, as index-only scans
-- (docs/measurements-projects.md). The accepted diagnoses' distinct enterprises: (ProgrammeId, Status) gains the enterprise, in
-- its place. The providers' league table joins the projects to their provider assignments by enterprise. The enterprises whose
-- project passed acceptance (the target's 完成改造): a partial index over the accepted projects only.
DROP INDEX "IX_Diagnoses_ProgrammeId_Status";
CREATE INDEX "IX_Diagnoses_ProgrammeId_Status_EnterpriseId" ON "Diagnoses" ("ProgrammeId", "Status", "EnterpriseId");
CREATE INDEX "IX_Assignments_Kind_EnterpriseId_OrganisationId" ON "Assignments" ("Kind", "EnterpriseId", "OrganisationId");
CREATE INDEX "IX_Projects_ProgrammeId_District_EnterpriseId" ON "Projects" ("ProgrammeId", "District", "EnterpriseId") WHERE "AcceptedAt" IS NOT NULL;
