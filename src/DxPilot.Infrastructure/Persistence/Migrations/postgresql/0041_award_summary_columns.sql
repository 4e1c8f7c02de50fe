-- 0041 award summary columns (PostgreSQL): the 申报书's fields the county summaries (附件1-5, 附件2-2) list, in columns of their own
-- so that an export never reads the stored 申报书 (docs/measurements-awards.md). The application sets them whenever the 申报书 is
-- saved (AwardSummaryFields.Of); rows saved before are filled here from the stored JSON (camelCase properties, the 链式 case's
-- name and brief under texts.chain.sections). Columns in the model's order (its complex type's, by name).
ALTER TABLE "AwardApplications" ADD "CaseBrief" text NULL;
ALTER TABLE "AwardApplications" ADD "CaseName" text NULL;
ALTER TABLE "AwardApplications" ADD "ContactEmail" text NULL;
ALTER TABLE "AwardApplications" ADD "ContactName" text NULL;
ALTER TABLE "AwardApplications" ADD "ContactPhone" text NULL;
ALTER TABLE "AwardApplications" ADD "Mode" text NULL;
ALTER TABLE "AwardApplications" ADD "Remark" text NULL;

UPDATE "AwardApplications" SET
    "ContactName" = c ->> 'contactName',
    "ContactPhone" = c ->> 'contactPhone',
    "ContactEmail" = c ->> 'contactEmail',
    "Remark" = c ->> 'remark',
    "Mode" = c ->> 'mode',
    "CaseName" = c #>> '{texts,chain,sections,name}',
    "CaseBrief" = c #>> '{texts,chain,sections,brief}'
FROM (SELECT "Id", "Content"::jsonb AS c FROM "AwardApplications") AS stored
WHERE "AwardApplications"."Id" = stored."Id";
