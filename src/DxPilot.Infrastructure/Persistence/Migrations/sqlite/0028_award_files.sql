-- 0028 award files and the Heilongjiang review (SQLite): the scans and pictures of an award application (承诺书, 申报声明,
-- scenario pictures, 链式 插图; bytes in the blob store) and the province's score per self-score item of a 示范标杆 application
-- (docs/awards.md "Files" and "Heilongjiang review").
CREATE TABLE "AwardFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AwardFiles" PRIMARY KEY,
    "ApplicationId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Direction" TEXT NULL,
    "Scenario" INTEGER NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_AwardFiles_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BenchmarkReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BenchmarkReviews" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "ApplicationId" TEXT NOT NULL,
    "Scores" TEXT NOT NULL,
    "Total" TEXT NOT NULL,
    "ReviewerName" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_BenchmarkReviews_BenchmarkApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AwardFiles_ApplicationId_Kind" ON "AwardFiles" ("ApplicationId", "Kind");
CREATE UNIQUE INDEX "IX_BenchmarkReviews_ApplicationId" ON "BenchmarkReviews" ("ApplicationId");
