-- 0015 assignments (SQLite): who serves whom becomes a managed link. Each link keeps its organisation's kind so that a unique
-- index allows one organisation of each kind per enterprise; every assignment and withdrawal is kept in AssignmentChanges.
-- SQLite cannot add a NOT NULL column without a default, so the table is rebuilt; existing links take their organisation's kind.
CREATE TABLE "Assignments_0015" (
    "OrganisationId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    CONSTRAINT "PK_Assignments" PRIMARY KEY ("OrganisationId", "EnterpriseId"),
    CONSTRAINT "FK_Assignments_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Assignments_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

INSERT INTO "Assignments_0015" ("OrganisationId", "EnterpriseId", "AssignedAt", "Kind")
SELECT a."OrganisationId", a."EnterpriseId", a."AssignedAt", o."Kind"
FROM "Assignments" a JOIN "Organisations" o ON o."Id" = a."OrganisationId";

DROP TABLE "Assignments";

ALTER TABLE "Assignments_0015" RENAME TO "Assignments";

CREATE UNIQUE INDEX "IX_Assignments_EnterpriseId_Kind" ON "Assignments" ("EnterpriseId", "Kind");

CREATE TABLE "AssignmentChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssignmentChanges" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "OrganisationKind" INTEGER NOT NULL,
    "Change" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_AssignmentChanges_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AssignmentChanges_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AssignmentChanges_EnterpriseId_At" ON "AssignmentChanges" ("EnterpriseId", "At");

CREATE INDEX "IX_AssignmentChanges_OrganisationId_At" ON "AssignmentChanges" ("OrganisationId", "At");
