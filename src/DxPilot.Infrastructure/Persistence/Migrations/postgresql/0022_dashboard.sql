-- 0022 dashboard (PostgreSQL): the rectification deadline (整改期限) that the acceptance document carries, as a column the
-- dashboard's "rectification past its deadline" counts can filter on. Generated from the document, so every save of the
-- acceptance keeps it true without any code writing it; make_date of the text's parts because a text-to-date cast is not
-- immutable (it reads DateStyle) and a generated column must be.
ALTER TABLE "Projects" ADD COLUMN "RectifyBy" date GENERATED ALWAYS AS (make_date(substr(CAST("Acceptance" AS jsonb) ->> 'rectifyBy', 1, 4)::integer, substr(CAST("Acceptance" AS jsonb) ->> 'rectifyBy', 6, 2)::integer, substr(CAST("Acceptance" AS jsonb) ->> 'rectifyBy', 9, 2)::integer)) STORED;
