-- 0021 supervision (PostgreSQL): the think tank's comments (督导意见) on any subject, and its ratings (评价) of providers and enterprises with one score per criterion.
CREATE TABLE "SupervisionComments" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "SubjectType" character varying(32) NOT NULL,
    "SubjectId" uuid NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "District" character varying(64) NOT NULL,
    "ProviderId" uuid,
    "Text" character varying(4000) NOT NULL,
    "FollowUp" integer NOT NULL,
    "RectifyBy" date,
    "AuthorUserId" character varying(64) NOT NULL,
    "AuthorName" character varying(100) NOT NULL,
    "AuthorOrganisation" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_SupervisionComments" PRIMARY KEY ("Id")
);

CREATE TABLE "SupervisionRatings" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "SubjectKind" integer NOT NULL,
    "SubjectId" uuid NOT NULL,
    "RaterUserId" character varying(64) NOT NULL,
    "RaterName" character varying(100) NOT NULL,
    "RaterOrganisation" character varying(200),
    "Remark" character varying(1000),
    "Overall" double precision NOT NULL,
    "RatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_SupervisionRatings" PRIMARY KEY ("Id")
);

CREATE TABLE "SupervisionRatingScores" (
    "Id" uuid NOT NULL,
    "RatingId" uuid NOT NULL,
    "Criterion" character varying(64) NOT NULL,
    "CriterionName" character varying(100) NOT NULL,
    "Scale" character varying(16) NOT NULL,
    "Score" integer NOT NULL,
    CONSTRAINT "PK_SupervisionRatingScores" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SupervisionRatingScores_SupervisionRatings_RatingId" FOREIGN KEY ("RatingId") REFERENCES "SupervisionRatings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SupervisionComments_ProviderId_CreatedAt" ON "SupervisionComments" ("ProviderId", "CreatedAt");

CREATE INDEX "IX_SupervisionComments_SubjectType_SubjectId_CreatedAt" ON "SupervisionComments" ("SubjectType", "SubjectId", "CreatedAt");

CREATE INDEX "IX_SupervisionRatings_ProgrammeId_SubjectKind_SubjectId" ON "SupervisionRatings" ("ProgrammeId", "SubjectKind", "SubjectId");

CREATE UNIQUE INDEX "IX_SupervisionRatings_SubjectKind_SubjectId_RaterUserId" ON "SupervisionRatings" ("SubjectKind", "SubjectId", "RaterUserId");

CREATE UNIQUE INDEX "IX_SupervisionRatingScores_RatingId_Criterion" ON "SupervisionRatingScores" ("RatingId", "Criterion");
