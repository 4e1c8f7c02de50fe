-- 0039 (PostgreSQL): the enterprise file's district kept on its diagnoses and assignments, so that the diagnosis overview and
-- lists count and select a district without joining the files (docs/measurements-diagnosis.md). DistrictCopies keeps them
-- in step when a file moves; existing rows take their file's district here.
ALTER TABLE "Assignments" ADD "District" character varying(64) NOT NULL DEFAULT '';
ALTER TABLE "Diagnoses" ADD "District" character varying(64) NOT NULL DEFAULT '';

UPDATE "Assignments" a SET "District" = e."District" FROM "Enterprises" e WHERE e."Id" = a."EnterpriseId";
UPDATE "Diagnoses" d SET "District" = e."District" FROM "Enterprises" e WHERE e."Id" = d."EnterpriseId";

-- The overview's counts by district and provider read these indexes alone.
CREATE INDEX "IX_Diagnoses_ProgrammeId_District_ProviderId_Status_Round" ON "Diagnoses" ("ProgrammeId", "District", "ProviderId", "Status", "Round");
CREATE INDEX "IX_Assignments_Kind_District_OrganisationId" ON "Assignments" ("Kind", "District", "OrganisationId");
