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
