-- The audit trail becomes a hash chain with typed actions. Existing entries keep their order (Sequence = Id) and are
-- sealed (hashed) at start-up; their Chinese action names become the typed names.
CREATE TABLE "AuditEntries_chain" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Source" TEXT NULL,
    "Changes" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "PreviousHash" TEXT NULL,
    "Hash" TEXT NULL
);

INSERT INTO "AuditEntries_chain" ("Id", "At", "ProgrammeId", "EntityType", "EntityId", "Action", "ActorId", "ActorName", "Source", "Changes", "Sequence")
SELECT "Id", "At", "ProgrammeId", "EntityType", "EntityId", CASE "Action" WHEN '新建' THEN 'Created' WHEN '新建评测' THEN 'Created' WHEN '新建申报' THEN 'Created' WHEN '修改' THEN 'Updated' WHEN '导入' THEN 'Imported' WHEN '调整规模' THEN 'SizeOverridden' WHEN '重新评分' THEN 'Rescored' WHEN '佐证材料' THEN 'EvidenceChanged' WHEN '提交申报' THEN 'StateChanged' ELSE 'Updated' END, "ActorId", "ActorName", "Source", "Changes", "Id"
FROM "AuditEntries";

DROP TABLE "AuditEntries";
ALTER TABLE "AuditEntries_chain" RENAME TO "AuditEntries";
CREATE INDEX "IX_AuditEntries_EntityType_EntityId_At" ON "AuditEntries" ("EntityType", "EntityId", "At");
CREATE INDEX "IX_AuditEntries_ProgrammeId_At" ON "AuditEntries" ("ProgrammeId", "At");
CREATE UNIQUE INDEX "IX_AuditEntries_Sequence" ON "AuditEntries" ("Sequence");
