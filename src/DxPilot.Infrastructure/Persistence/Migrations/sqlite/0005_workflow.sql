-- 0005 workflow (SQLite): every state change as an append-only StateTransitions row; import jobs leased by the app copy running them.
-- BenchmarkApplications.Status keeps its values (1 草稿 draft, 2 已提交 submitted); the new states take 3-6
-- (3 审核中, 4 退回修改, 5 已认定, 6 不予认定), so no row changes.
CREATE TABLE "StateTransitions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StateTransitions" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "FromState" TEXT NOT NULL,
    "ToState" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Reason" TEXT NULL
);

CREATE INDEX "IX_StateTransitions_EntityType_EntityId_At" ON "StateTransitions" ("EntityType", "EntityId", "At");

CREATE INDEX "IX_StateTransitions_ProgrammeId_At" ON "StateTransitions" ("ProgrammeId", "At");

-- The submissions made before this migration enter the history from their audit entries (who and when are kept there).
INSERT INTO "StateTransitions" ("Id", "ProgrammeId", "EntityType", "EntityId", "Trigger", "FromState", "ToState", "ActorId", "ActorName", "At", "Reason")
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
       e."ProgrammeId", 'BenchmarkApplication', e."EntityId", 'submit', 'draft', 'submitted', e."ActorId", e."ActorName", e."At", NULL
FROM "AuditEntries" e
WHERE e."EntityType" = 'BenchmarkApplication' AND e."Action" = '提交申报';

ALTER TABLE "ImportJobs" ADD COLUMN "LeaseOwner" TEXT NULL;

ALTER TABLE "ImportJobs" ADD COLUMN "LeaseUntil" TEXT NULL;
