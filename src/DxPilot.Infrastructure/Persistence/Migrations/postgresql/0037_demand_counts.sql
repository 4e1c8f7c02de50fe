-- 0037 (PostgreSQL): the demand map's counts kept by the database (docs/catalogue-match.md): per programme, district, pilot
-- industry and level-3 scenario, the enterprises with at least one need there, filled from the needs as they stand and from then
-- on moved with every saved change (DemandCounter); and the reason a retired scenario was put back in use (docs/catalogue-tree.md).
CREATE TABLE "DemandCounts" (
    "ProgrammeId" character varying(64) NOT NULL,
    "District" character varying(64) NOT NULL,
    "IndustryKey" character varying(64) NOT NULL,
    "ScenarioCode" character varying(32) NOT NULL,
    "Enterprises" integer NOT NULL,
    CONSTRAINT "PK_DemandCounts" PRIMARY KEY ("ProgrammeId", "District", "IndustryKey", "ScenarioCode")
);

INSERT INTO "DemandCounts" ("ProgrammeId", "District", "IndustryKey", "ScenarioCode", "Enterprises")
SELECT e."ProgrammeId", e."District", e."IndustryKey", n."ScenarioCode", COUNT(DISTINCT n."EnterpriseId")
FROM "EnterpriseNeeds" n JOIN "Enterprises" e ON e."Id" = n."EnterpriseId"
GROUP BY e."ProgrammeId", e."District", e."IndustryKey", n."ScenarioCode";

ALTER TABLE "CatalogueScenarios" ADD "ReinstatementReason" character varying(1000);
