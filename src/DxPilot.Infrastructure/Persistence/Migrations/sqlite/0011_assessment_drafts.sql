-- 0011 assessment drafts (SQLite): what an assessor has typed on an assessment form so far (草稿), one per assessor and
-- assessment (or instrument, for a new one); removed with its enterprise file or assessment.
CREATE TABLE "AssessmentDrafts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentDrafts" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "AssessmentId" TEXT NULL,
    "InstrumentId" TEXT NOT NULL,
    "Stage" INTEGER NULL,
    "AssessedOn" TEXT NULL,
    "Answers" TEXT NOT NULL,
    "BasedOnVersion" INTEGER NULL,
    "SavedByUserId" TEXT NOT NULL,
    "SavedByName" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentDrafts_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AssessmentDrafts_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AssessmentDrafts_AssessmentId" ON "AssessmentDrafts" ("AssessmentId");

CREATE INDEX "IX_AssessmentDrafts_EnterpriseId" ON "AssessmentDrafts" ("EnterpriseId");

CREATE UNIQUE INDEX "IX_AssessmentDrafts_Key" ON "AssessmentDrafts" ("Key");
