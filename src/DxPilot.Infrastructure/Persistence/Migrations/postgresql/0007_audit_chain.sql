-- The audit trail becomes a hash chain with typed actions. Existing entries keep their order (Sequence = Id) and are
-- sealed (hashed) at start-up; their Chinese action names become the typed names.
ALTER TABLE "AuditEntries" ADD "Sequence" bigint;
UPDATE "AuditEntries" SET "Sequence" = "Id", "Action" = CASE "Action" WHEN '新建' THEN 'Created' WHEN '新建评测' THEN 'Created' WHEN '新建申报' THEN 'Created' WHEN '修改' THEN 'Updated' WHEN '导入' THEN 'Imported' WHEN '调整规模' THEN 'SizeOverridden' WHEN '重新评分' THEN 'Rescored' WHEN '佐证材料' THEN 'EvidenceChanged' WHEN '提交申报' THEN 'StateChanged' ELSE 'Updated' END;
ALTER TABLE "AuditEntries" ALTER COLUMN "Sequence" SET NOT NULL;
ALTER TABLE "AuditEntries" ADD "PreviousHash" character varying(64);
ALTER TABLE "AuditEntries" ADD "Hash" character varying(64);
CREATE UNIQUE INDEX "IX_AuditEntries_Sequence" ON "AuditEntries" ("Sequence");
