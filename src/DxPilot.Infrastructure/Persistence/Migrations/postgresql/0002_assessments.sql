-- 0002 assessments (PostgreSQL): digital-level evaluations on the enterprise file, with the instrument version each result was computed under.
CREATE TABLE "Assessments" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "InstrumentId" character varying(64) NOT NULL,
    "InstrumentVersion" character varying(32) NOT NULL,
    "Stage" integer NOT NULL,
    "AssessorKind" integer NOT NULL,
    "OrganisationId" uuid,
    "AssessorUserId" character varying(64) NOT NULL,
    "AssessorName" character varying(100) NOT NULL,
    "AssessedOn" date NOT NULL,
    "Answers" text NOT NULL,
    "Score" numeric(9,4) NOT NULL,
    "Level" integer NOT NULL,
    "Result" text NOT NULL,
    "ScoredAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Assessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Assessments_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Assessments_EnterpriseId_Stage_AssessedOn" ON "Assessments" ("EnterpriseId", "Stage", "AssessedOn");

CREATE INDEX "IX_Assessments_OrganisationId" ON "Assessments" ("OrganisationId");

CREATE INDEX "IX_Assessments_ProgrammeId_InstrumentId_Level" ON "Assessments" ("ProgrammeId", "InstrumentId", "Level");
