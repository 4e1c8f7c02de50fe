-- 0013 diagnosis (PostgreSQL): 咨询诊断 (seed 002 三（一）) — the diagnosis of an enterprise by its provider, its team,
-- site visits and their photos, the signed agreement scans, the enterprise's satisfaction form and each submitted round.
CREATE TABLE "Diagnoses" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "ProviderId" uuid NOT NULL,
    "Status" integer NOT NULL,
    "AgreementSignedOn" date,
    "AssessmentId" uuid,
    "Round" integer NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "AcceptedAt" timestamp with time zone,
    "AcceptedByName" character varying(100),
    "AcceptanceOpinion" character varying(4000),
    "RedItems" integer NOT NULL,
    "OpenedByName" character varying(100) NOT NULL,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Diagnoses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Diagnoses_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Diagnoses_Organisations_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Diagnoses_EnterpriseId_ProviderId" ON "Diagnoses" ("EnterpriseId", "ProviderId");

CREATE INDEX "IX_Diagnoses_ProgrammeId_Status" ON "Diagnoses" ("ProgrammeId", "Status");

CREATE INDEX "IX_Diagnoses_ProviderId" ON "Diagnoses" ("ProviderId");

CREATE TABLE "DiagnosisMembers" (
    "Id" uuid NOT NULL,
    "DiagnosisId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Unit" character varying(200) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "TitleLevel" integer NOT NULL,
    "Field" integer NOT NULL,
    "Role" integer NOT NULL,
    "Duties" character varying(400),
    "Phone" character varying(60),
    "AddedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DiagnosisMembers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DiagnosisMembers_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DiagnosisMembers_DiagnosisId" ON "DiagnosisMembers" ("DiagnosisId");

CREATE TABLE "DiagnosisVisits" (
    "Id" uuid NOT NULL,
    "DiagnosisId" uuid NOT NULL,
    "Date" date NOT NULL,
    "Start" time without time zone NOT NULL,
    "End" time without time zone NOT NULL,
    "Topic" integer NOT NULL,
    "MemberIds" text NOT NULL,
    "ContactPerson" character varying(100) NOT NULL,
    "Outcome" text NOT NULL,
    "Attendance" integer,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DiagnosisVisits" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DiagnosisVisits_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DiagnosisVisits_DiagnosisId_Date" ON "DiagnosisVisits" ("DiagnosisId", "Date");

CREATE TABLE "VisitPhotos" (
    "Id" uuid NOT NULL,
    "DiagnosisId" uuid NOT NULL,
    "VisitId" uuid NOT NULL,
    "Tag" integer NOT NULL,
    "ThumbnailSha256" character varying(64),
    "ThumbnailSize" bigint,
    "TakenAt" timestamp with time zone,
    "Latitude" double precision,
    "Longitude" double precision,
    "PerceptualHash" bigint,
    "ReusedFrom" character varying(400),
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    CONSTRAINT "PK_VisitPhotos" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_VisitPhotos_DiagnosisVisits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "DiagnosisVisits" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_VisitPhotos_DiagnosisId" ON "VisitPhotos" ("DiagnosisId");

CREATE INDEX "IX_VisitPhotos_VisitId" ON "VisitPhotos" ("VisitId");

CREATE TABLE "AgreementScans" (
    "Id" uuid NOT NULL,
    "DiagnosisId" uuid NOT NULL,
    "SignedOn" date NOT NULL,
    "UploadedByName" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "ContentType" character varying(32) NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    CONSTRAINT "PK_AgreementScans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AgreementScans_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgreementScans_DiagnosisId" ON "AgreementScans" ("DiagnosisId");

CREATE TABLE "DiagnosisSatisfactions" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "DiagnosisId" uuid NOT NULL,
    "Process" integer NOT NULL,
    "Analysis" integer NOT NULL,
    "Advice" integer NOT NULL,
    "Competence" integer NOT NULL,
    "Result" integer NOT NULL,
    "Overall" integer NOT NULL,
    "Adoption" integer NOT NULL,
    "Comment" character varying(4000),
    "SubmittedByName" character varying(100) NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DiagnosisSatisfactions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DiagnosisSatisfactions_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DiagnosisSatisfactions_DiagnosisId" ON "DiagnosisSatisfactions" ("DiagnosisId");

CREATE TABLE "DiagnosisSubmissions" (
    "Id" uuid NOT NULL,
    "DiagnosisId" uuid NOT NULL,
    "Round" integer NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    "SubmittedByName" character varying(100) NOT NULL,
    "Content" text NOT NULL,
    CONSTRAINT "PK_DiagnosisSubmissions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DiagnosisSubmissions_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DiagnosisSubmissions_DiagnosisId_Round" ON "DiagnosisSubmissions" ("DiagnosisId", "Round");
