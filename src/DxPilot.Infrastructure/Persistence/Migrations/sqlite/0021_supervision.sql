-- 0021 supervision (SQLite): the think tank's comments (督导意见) on any subject, and its ratings (评价) of providers and enterprises with one score per criterion.
CREATE TABLE "SupervisionComments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionComments" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "SubjectType" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "District" TEXT NOT NULL,
    "ProviderId" TEXT NULL,
    "Text" TEXT NOT NULL,
    "FollowUp" INTEGER NOT NULL,
    "RectifyBy" TEXT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "AuthorOrganisation" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "SupervisionRatings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionRatings" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "SubjectKind" INTEGER NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "RaterUserId" TEXT NOT NULL,
    "RaterName" TEXT NOT NULL,
    "RaterOrganisation" TEXT NULL,
    "Remark" TEXT NULL,
    "Overall" REAL NOT NULL,
    "RatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "SupervisionRatingScores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupervisionRatingScores" PRIMARY KEY,
    "RatingId" TEXT NOT NULL,
    "Criterion" TEXT NOT NULL,
    "CriterionName" TEXT NOT NULL,
    "Scale" TEXT NOT NULL,
    "Score" INTEGER NOT NULL,
    CONSTRAINT "FK_SupervisionRatingScores_SupervisionRatings_RatingId" FOREIGN KEY ("RatingId") REFERENCES "SupervisionRatings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SupervisionComments_ProviderId_CreatedAt" ON "SupervisionComments" ("ProviderId", "CreatedAt");

CREATE INDEX "IX_SupervisionComments_SubjectType_SubjectId_CreatedAt" ON "SupervisionComments" ("SubjectType", "SubjectId", "CreatedAt");

CREATE INDEX "IX_SupervisionRatings_ProgrammeId_SubjectKind_SubjectId" ON "SupervisionRatings" ("ProgrammeId", "SubjectKind", "SubjectId");

CREATE UNIQUE INDEX "IX_SupervisionRatings_SubjectKind_SubjectId_RaterUserId" ON "SupervisionRatings" ("SubjectKind", "SubjectId", "RaterUserId");

CREATE UNIQUE INDEX "IX_SupervisionRatingScores_RatingId_Criterion" ON "SupervisionRatingScores" ("RatingId", "Criterion");
