-- 0024 rectification replies (PostgreSQL): a 需整改 comment is answered by the party responsible and closed, with a note, by the
-- think tank or the city (or reopened); and the projects' evaluations are indexed by the assessments they name, which are then locked.
ALTER TABLE "SupervisionComments" ADD COLUMN "RepliedAt" timestamp with time zone;

ALTER TABLE "SupervisionComments" ADD COLUMN "ClosedAt" timestamp with time zone;

ALTER TABLE "SupervisionComments" ADD COLUMN "ClosedBy" character varying(100);

ALTER TABLE "SupervisionComments" ADD COLUMN "ClosingNote" character varying(1000);

CREATE INDEX "IX_SupervisionComments_EnterpriseId" ON "SupervisionComments" ("EnterpriseId");

CREATE TABLE "SupervisionReplies" (
    "Id" uuid NOT NULL,
    "CommentId" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "AuthorUserId" character varying(64) NOT NULL,
    "AuthorName" character varying(100) NOT NULL,
    "AuthorOrganisation" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_SupervisionReplies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SupervisionReplies_SupervisionComments_CommentId" FOREIGN KEY ("CommentId") REFERENCES "SupervisionComments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SupervisionReplies_CommentId_CreatedAt" ON "SupervisionReplies" ("CommentId", "CreatedAt");

CREATE INDEX "IX_Projects_AfterAssessmentId" ON "Projects" ("AfterAssessmentId");

CREATE INDEX "IX_Projects_BeforeAssessmentId" ON "Projects" ("BeforeAssessmentId");
