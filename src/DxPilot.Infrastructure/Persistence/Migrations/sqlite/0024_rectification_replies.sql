-- 0024 rectification replies (SQLite): a 需整改 comment is answered by the party responsible and closed, with a note, by the think
-- tank or the city (or reopened); and the projects' evaluations are indexed by the assessments they name, which are then locked.
ALTER TABLE "SupervisionComments" ADD COLUMN "RepliedAt" TEXT NULL;

ALTER TABLE "SupervisionComments" ADD COLUMN "ClosedAt" TEXT NULL;

ALTER TABLE "SupervisionComments" ADD COLUMN "ClosedBy" TEXT NULL;

ALTER TABLE "SupervisionComments" ADD COLUMN "ClosingNote" TEXT NULL;

CREATE INDEX "IX_SupervisionComments_EnterpriseId" ON "SupervisionComments" ("EnterpriseId");

CREATE TABLE "SupervisionReplies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionReplies" PRIMARY KEY,
    "CommentId" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "AuthorOrganisation" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SupervisionReplies_SupervisionComments_CommentId" FOREIGN KEY ("CommentId") REFERENCES "SupervisionComments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SupervisionReplies_CommentId_CreatedAt" ON "SupervisionReplies" ("CommentId", "CreatedAt");

CREATE INDEX "IX_Projects_AfterAssessmentId" ON "Projects" ("AfterAssessmentId");

CREATE INDEX "IX_Projects_BeforeAssessmentId" ON "Projects" ("BeforeAssessmentId");
