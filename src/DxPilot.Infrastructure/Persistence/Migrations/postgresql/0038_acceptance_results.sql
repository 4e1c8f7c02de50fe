-- 0038 acceptance results (PostgreSQL): the third-party acceptance results (验收结果) a city imports where it runs no acceptance on
-- the platform (Shijiazhuang); the award calls read the passed ones as accepted transformations (docs/awards.md "Accepted transformations").
CREATE TABLE "AcceptanceResults" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "District" character varying(64) NOT NULL,
    "ProjectName" character varying(200) NOT NULL,
    "AcceptedOn" date NOT NULL,
    "LevelBefore" integer NOT NULL,
    "LevelAfter" integer NOT NULL,
    "AgencyName" character varying(200) NOT NULL,
    "AgencyUscc" character varying(18),
    "Passed" boolean NOT NULL,
    "Remark" character varying(1000),
    "SourceFile" character varying(200) NOT NULL,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AcceptanceResults" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AcceptanceResults_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AcceptanceResults_EnterpriseId_ProjectName" ON "AcceptanceResults" ("EnterpriseId", "ProjectName");

CREATE INDEX "IX_AcceptanceResults_ProgrammeId_District_AcceptedOn" ON "AcceptanceResults" ("ProgrammeId", "District", "AcceptedOn");

