-- 0039 (SQLite): the enterprise file's district kept on its diagnoses and assignments, so that the diagnosis overview and
-- lists count and select a district without joining the files (docs/measurements-diagnosis.md). DistrictCopies keeps them
-- in step when a file moves; existing rows take their file's district here.
ALTER TABLE "Assignments" ADD "District" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Diagnoses" ADD "District" TEXT NOT NULL DEFAULT '';

UPDATE "Assignments" SET "District" = (SELECT e."District" FROM "Enterprises" e WHERE e."Id" = "Assignments"."EnterpriseId");
UPDATE "Diagnoses" SET "District" = (SELECT e."District" FROM "Enterprises" e WHERE e."Id" = "Diagnoses"."EnterpriseId");

-- The overview's counts by district and provider read these indexes alone.
CREATE INDEX "IX_Diagnoses_ProgrammeId_District_ProviderId_Status_Round" ON "Diagnoses" ("ProgrammeId", "District", "ProviderId", "Status", "Round");
CREATE INDEX "IX_Assignments_Kind_District_OrganisationId" ON "Assignments" ("Kind", "District", "OrganisationId");
