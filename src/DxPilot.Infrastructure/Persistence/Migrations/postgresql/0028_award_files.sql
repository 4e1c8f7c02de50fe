-- 0028 award files and the Heilongjiang review (PostgreSQL): the scans and pictures of an award application (承诺书, 申报声明,
-- scenario pictures, 链式 插图; bytes in the blob store) and the province's score per self-score item of a 示范标杆 application
-- (docs/awards.md "Files" and "Heilongjiang review").
CREATE TABLE "AwardFiles" (
    "Id" uuid NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Direction" character varying(64),
    "Scenario" integer,
    "Width" integer,
    "Height" integer,
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    CONSTRAINT "PK_AwardFiles" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AwardFiles_AwardApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "AwardApplications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BenchmarkReviews" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "ApplicationId" uuid NOT NULL,
    "Scores" text NOT NULL,
    "Total" numeric(6,1) NOT NULL,
    "ReviewerName" character varying(100) NOT NULL,
    "Version" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_BenchmarkReviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BenchmarkReviews_BenchmarkApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "BenchmarkApplications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AwardFiles_ApplicationId_Kind" ON "AwardFiles" ("ApplicationId", "Kind");
CREATE UNIQUE INDEX "IX_BenchmarkReviews_ApplicationId" ON "BenchmarkReviews" ("ApplicationId");
