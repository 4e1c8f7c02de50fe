-- Search served by an inverted index of character unigrams and bigrams (SearchIndex) instead of trigrams, which cannot
-- serve one- and two-character Chinese fragments; and a search text without the phone for roles that see it masked.
-- Existing rows are filled from their SearchText, whose last field is the phone when there is one.
ALTER TABLE "Enterprises" ADD "PublicSearchText" character varying(800) NOT NULL DEFAULT '';
ALTER TABLE "Enterprises" ADD "SearchTokens" text[] NOT NULL DEFAULT '{}';
UPDATE "Enterprises" SET
    "PublicSearchText" = CASE WHEN coalesce("ContactPhone", '') = '' THEN "SearchText"
                              ELSE rtrim(left("SearchText", length("SearchText") - length("ContactPhone")), ' ') END,
    "SearchTokens" = ARRAY(
        SELECT DISTINCT g FROM (
            SELECT substr("SearchText", i, 1) AS g FROM generate_series(1, length("SearchText")) AS i
            UNION
            SELECT substr("SearchText", i, 2) FROM generate_series(1, length("SearchText") - 1) AS i
        ) AS grams WHERE g !~ '\s');
ALTER TABLE "Enterprises" ALTER COLUMN "SearchTokens" DROP DEFAULT;
DROP INDEX "IX_Enterprises_SearchText";
DROP EXTENSION IF EXISTS pg_trgm;
CREATE INDEX "IX_Enterprises_SearchTokens" ON "Enterprises" USING gin ("SearchTokens");

-- 企业信息变更: an enterprise's proposals for the fields a bureau vouches for, confirmed or returned by a bureau.
CREATE TABLE "BureauFieldChanges" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Uscc" character varying(18),
    "QualityTier" integer NOT NULL,
    "AboveScale" boolean,
    "IndustryKey" character varying(64) NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "ProposedById" character varying(64) NOT NULL,
    "ProposedByName" character varying(200) NOT NULL,
    "ProposedAt" timestamp with time zone NOT NULL,
    "Status" integer NOT NULL,
    "DecidedByName" character varying(200),
    "DecidedAt" timestamp with time zone,
    "DecisionReason" character varying(1000),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_BureauFieldChanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BureauFieldChanges_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_BureauFieldChanges_EnterpriseId_Status" ON "BureauFieldChanges" ("EnterpriseId", "Status");
CREATE INDEX "IX_BureauFieldChanges_ProgrammeId_Status_ProposedAt" ON "BureauFieldChanges" ("ProgrammeId", "Status", "ProposedAt");
