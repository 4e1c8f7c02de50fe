-- 0022 dashboard (SQLite): the rectification deadline (整改期限) that the acceptance document carries, as a column the
-- dashboard's "rectification past its deadline" counts can filter on. Generated from the document (a date is stored as
-- yyyy-MM-dd text, as the document writes it), so every save of the acceptance keeps it true without any code writing it.
ALTER TABLE "Projects" ADD COLUMN "RectifyBy" TEXT GENERATED ALWAYS AS (json_extract("Acceptance", '$.rectifyBy')) VIRTUAL;
