-- 0011 assessment drafts (PostgreSQL): what an assessor has typed on an assessment form so far (草稿), one per assessor
-- and assessment (or instrument, for a new one); removed with its enterprise file or assessment.
CREATE TABLE "AssessmentDrafts" (
    "Id" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "AssessmentId" uuid,
    "InstrumentId" character varying(64) NOT NULL,
    "Stage" integer,
    "AssessedOn" character varying(32),
    "Answers" text NOT NULL,
    "BasedOnVersion" integer,
    "SavedByUserId" character varying(64) NOT NULL,
    "SavedByName" character varying(100) NOT NULL,
    "SavedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AssessmentDrafts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssessmentDrafts_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AssessmentDrafts_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AssessmentDrafts_AssessmentId" ON "AssessmentDrafts" ("AssessmentId");

CREATE INDEX "IX_AssessmentDrafts_EnterpriseId" ON "AssessmentDrafts" ("EnterpriseId");

CREATE UNIQUE INDEX "IX_AssessmentDrafts_Key" ON "AssessmentDrafts" ("Key");
