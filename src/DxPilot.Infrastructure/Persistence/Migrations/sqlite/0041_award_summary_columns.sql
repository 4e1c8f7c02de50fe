-- 0041 award summary columns (SQLite): the 申报书's fields the county summaries (附件1-5, 附件2-2) list, in columns of their own so
-- that an export never reads the stored 申报书 (docs/measurements-awards.md). The application sets them whenever the 申报书 is
-- saved (AwardSummaryFields.Of); rows saved before are filled here from the stored JSON (camelCase properties, the 链式 case's
-- name and brief under texts.chain.sections). Columns in the model's order (its complex type's, by name).
ALTER TABLE "AwardApplications" ADD "CaseBrief" TEXT NULL;
ALTER TABLE "AwardApplications" ADD "CaseName" TEXT NULL;
ALTER TABLE "AwardApplications" ADD "ContactEmail" TEXT NULL;
ALTER TABLE "AwardApplications" ADD "ContactName" TEXT NULL;
ALTER TABLE "AwardApplications" ADD "ContactPhone" TEXT NULL;
ALTER TABLE "AwardApplications" ADD "Mode" TEXT NULL;
ALTER TABLE "AwardApplications" ADD "Remark" TEXT NULL;

UPDATE "AwardApplications" SET
    "ContactName" = json_extract("Content", '$.contactName'),
    "ContactPhone" = json_extract("Content", '$.contactPhone'),
    "ContactEmail" = json_extract("Content", '$.contactEmail'),
    "Remark" = json_extract("Content", '$.remark'),
    "Mode" = json_extract("Content", '$.mode'),
    "CaseName" = json_extract("Content", '$.texts.chain.sections.name'),
    "CaseBrief" = json_extract("Content", '$.texts.chain.sections.brief');
