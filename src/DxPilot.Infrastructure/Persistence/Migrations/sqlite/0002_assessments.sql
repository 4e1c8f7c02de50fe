-- 0002 assessments (SQLite): digital-level evaluations on the enterprise file, with the instrument version each result was computed under.
CREATE TABLE "Assessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Assessments" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "InstrumentId" TEXT NOT NULL,
    "InstrumentVersion" TEXT NOT NULL,
    "Stage" INTEGER NOT NULL,
    "AssessorKind" INTEGER NOT NULL,
    "OrganisationId" TEXT NULL,
    "AssessorUserId" TEXT NOT NULL,
    "AssessorName" TEXT NOT NULL,
    "AssessedOn" TEXT NOT NULL,
    "Answers" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "Result" TEXT NOT NULL,
    "ScoredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Assessments_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Assessments_EnterpriseId_Stage_AssessedOn" ON "Assessments" ("EnterpriseId", "Stage", "AssessedOn");

CREATE INDEX "IX_Assessments_OrganisationId" ON "Assessments" ("OrganisationId");

CREATE INDEX "IX_Assessments_ProgrammeId_InstrumentId_Level" ON "Assessments" ("ProgrammeId", "InstrumentId", "Level");
