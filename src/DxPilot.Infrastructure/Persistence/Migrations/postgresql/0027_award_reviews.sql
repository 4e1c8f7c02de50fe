-- 0027 award reviews (PostgreSQL): the third party's expert reviews of an application, one per expert per round (the
-- application's revision), and the directions the city recognised (docs/awards.md "Review").
ALTER TABLE "AwardApplications" ADD "RecognisedDirections" character varying(200) NOT NULL DEFAULT '||';
-- Recognised before recognition per direction: every direction applied for was recognised.
UPDATE "AwardApplications" SET "RecognisedDirections" = "Directions" WHERE "Status" = 7;

CREATE TABLE "AwardExpertReviews" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "CallId" character varying(64) NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Round" integer NOT NULL,
    "ExpertUserId" character varying(64) NOT NULL,
    "ExpertName" character varying(100) NOT NULL,
    "AssignedAt" timestamp with time zone NOT NULL,
    "AssignedByName" character varying(100) NOT NULL,
    "Scores" text NOT NULL,
    "Recommendation" integer,
    "Opinion" character varying(4000),
    "SubmittedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_AwardExpertReviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AwardExpertReviews_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AwardExpertReviews_ApplicationId_Round_ExpertUserId" ON "AwardExpertReviews" ("ApplicationId", "Round", "ExpertUserId");
CREATE INDEX "IX_AwardExpertReviews_ExpertUserId_SubmittedAt" ON "AwardExpertReviews" ("ExpertUserId", "SubmittedAt");
