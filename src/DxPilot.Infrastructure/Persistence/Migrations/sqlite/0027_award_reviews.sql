-- 0027 award reviews (SQLite): the third party's expert reviews of an application, one per expert per round (the
-- application's revision), and the directions the city recognised (docs/awards.md "Review").
ALTER TABLE "AwardApplications" ADD "RecognisedDirections" TEXT NOT NULL DEFAULT '||';
-- Recognised before recognition per direction: every direction applied for was recognised.
UPDATE "AwardApplications" SET "RecognisedDirections" = "Directions" WHERE "Status" = 7;

CREATE TABLE "AwardExpertReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AwardExpertReviews" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "CallId" TEXT NOT NULL,
    "ApplicationId" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "ExpertUserId" TEXT NOT NULL,
    "ExpertName" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "AssignedByName" TEXT NOT NULL,
    "Scores" TEXT NOT NULL,
    "Recommendation" INTEGER NULL,
    "Opinion" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AwardExpertReviews_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AwardExpertReviews_ApplicationId_Round_ExpertUserId" ON "AwardExpertReviews" ("ApplicationId", "Round", "ExpertUserId");
CREATE INDEX "IX_AwardExpertReviews_ExpertUserId_SubmittedAt" ON "AwardExpertReviews" ("ExpertUserId", "SubmittedAt");
