-- 0015 assignments (PostgreSQL): who serves whom becomes a managed link. Each link keeps its organisation's kind so that a
-- unique index allows one organisation of each kind per enterprise; every assignment and withdrawal is kept in AssignmentChanges.
ALTER TABLE "Assignments" ADD COLUMN "Kind" integer NOT NULL DEFAULT 0;

UPDATE "Assignments" a SET "Kind" = o."Kind" FROM "Organisations" o WHERE o."Id" = a."OrganisationId";

ALTER TABLE "Assignments" ALTER COLUMN "Kind" DROP DEFAULT;

-- The unique index starts with the enterprise, so it serves the foreign key's lookups too.
DROP INDEX "IX_Assignments_EnterpriseId";

CREATE UNIQUE INDEX "IX_Assignments_EnterpriseId_Kind" ON "Assignments" ("EnterpriseId", "Kind");

CREATE TABLE "AssignmentChanges" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "OrganisationKind" integer NOT NULL,
    "Change" integer NOT NULL,
    "Reason" character varying(1000),
    "ActorId" character varying(64) NOT NULL,
    "ActorName" character varying(100) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AssignmentChanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssignmentChanges_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssignmentChanges_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AssignmentChanges_EnterpriseId_At" ON "AssignmentChanges" ("EnterpriseId", "At");

CREATE INDEX "IX_AssignmentChanges_OrganisationId_At" ON "AssignmentChanges" ("OrganisationId", "At");
