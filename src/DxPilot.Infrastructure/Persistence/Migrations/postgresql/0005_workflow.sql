-- 0005 workflow (PostgreSQL): every state change as an append-only StateTransitions row; import jobs leased by the app copy running them.
-- BenchmarkApplications.Status keeps its values (1 草稿 draft, 2 已提交 submitted); the new states take 3-6
-- (3 审核中, 4 退回修改, 5 已认定, 6 不予认定), so no row changes.
CREATE TABLE "StateTransitions" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EntityType" character varying(64) NOT NULL,
    "EntityId" character varying(64) NOT NULL,
    "Trigger" character varying(32) NOT NULL,
    "FromState" character varying(32) NOT NULL,
    "ToState" character varying(32) NOT NULL,
    "ActorId" character varying(64) NOT NULL,
    "ActorName" character varying(100) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Reason" character varying(2000),
    CONSTRAINT "PK_StateTransitions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_StateTransitions_EntityType_EntityId_At" ON "StateTransitions" ("EntityType", "EntityId", "At");

CREATE INDEX "IX_StateTransitions_ProgrammeId_At" ON "StateTransitions" ("ProgrammeId", "At");

-- The submissions made before this migration enter the history from their audit entries (who and when are kept there).
INSERT INTO "StateTransitions" ("Id", "ProgrammeId", "EntityType", "EntityId", "Trigger", "FromState", "ToState", "ActorId", "ActorName", "At", "Reason")
SELECT gen_random_uuid(), e."ProgrammeId", 'BenchmarkApplication', e."EntityId", 'submit', 'draft', 'submitted', e."ActorId", e."ActorName", e."At", NULL
FROM "AuditEntries" e
WHERE e."EntityType" = 'BenchmarkApplication' AND e."Action" = '提交申报';

ALTER TABLE "ImportJobs" ADD COLUMN "LeaseOwner" character varying(100);

ALTER TABLE "ImportJobs" ADD COLUMN "LeaseUntil" timestamp with time zone;
