-- 0035 (PostgreSQL): a submitted award application's revision keeps the scans and pictures it had (docs/awards.md "Files");
-- NULL for submissions from before, whose files were not recorded.
ALTER TABLE "AwardRevisions" ADD "Files" text;
