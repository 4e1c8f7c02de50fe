-- A search text without the phone for roles that see it masked. Existing rows are filled from their SearchText, whose
-- last field is the phone when there is one. (SQLite searches by substring alone; the character grams are PostgreSQL's.)
ALTER TABLE "Enterprises" ADD "PublicSearchText" TEXT NOT NULL DEFAULT '';
UPDATE "Enterprises" SET "PublicSearchText" = CASE WHEN coalesce("ContactPhone", '') = '' THEN "SearchText"
    ELSE rtrim(substr("SearchText", 1, length("SearchText") - length("ContactPhone")), ' ') END;
