-- 0038 acceptance results (SQLite): the third-party acceptance results (验收结果) a city imports where it runs no acceptance on the
-- platform (Shijiazhuang); the award calls read the passed ones as accepted transformations (docs/awards.md "Accepted transformations").
CREATE TABLE "AcceptanceResults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AcceptanceResults" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "District" TEXT NOT NULL,
    "ProjectName" TEXT NOT NULL,
    "AcceptedOn" TEXT NOT NULL,
    "LevelBefore" INTEGER NOT NULL,
    "LevelAfter" INTEGER NOT NULL,
    "AgencyName" TEXT NOT NULL,
    "AgencyUscc" TEXT NULL,
    "Passed" INTEGER NOT NULL,
    "Remark" TEXT NULL,
    "SourceFile" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AcceptanceResults_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AcceptanceResults_EnterpriseId_ProjectName" ON "AcceptanceResults" ("EnterpriseId", "ProjectName");

CREATE INDEX "IX_AcceptanceResults_ProgrammeId_District_AcceptedOn" ON "AcceptanceResults" ("ProgrammeId", "District", "AcceptedOn");

