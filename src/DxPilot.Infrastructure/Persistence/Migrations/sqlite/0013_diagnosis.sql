-- 0013 diagnosis (SQLite): 咨询诊断 (seed 002 三（一）) — the diagnosis of an enterprise by its provider, its team, site
-- visits and their photos, the signed agreement scans, the enterprise's satisfaction form and each submitted round.
CREATE TABLE "Diagnoses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Diagnoses" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "ProviderId" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "AgreementSignedOn" TEXT NULL,
    "AssessmentId" TEXT NULL,
    "Round" INTEGER NOT NULL,
    "SubmittedAt" TEXT NULL,
    "AcceptedAt" TEXT NULL,
    "AcceptedByName" TEXT NULL,
    "AcceptanceOpinion" TEXT NULL,
    "RedItems" INTEGER NOT NULL,
    "OpenedByName" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Diagnoses_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Diagnoses_Organisations_ProviderId" FOREIGN KEY ("ProviderId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Diagnoses_EnterpriseId_ProviderId" ON "Diagnoses" ("EnterpriseId", "ProviderId");

CREATE INDEX "IX_Diagnoses_ProgrammeId_Status" ON "Diagnoses" ("ProgrammeId", "Status");

CREATE INDEX "IX_Diagnoses_ProviderId" ON "Diagnoses" ("ProviderId");

CREATE TABLE "DiagnosisMembers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DiagnosisMembers" PRIMARY KEY,
    "DiagnosisId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "TitleLevel" INTEGER NOT NULL,
    "Field" INTEGER NOT NULL,
    "Role" INTEGER NOT NULL,
    "Duties" TEXT NULL,
    "Phone" TEXT NULL,
    "AddedAt" TEXT NOT NULL,
    CONSTRAINT "FK_DiagnosisMembers_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DiagnosisMembers_DiagnosisId" ON "DiagnosisMembers" ("DiagnosisId");

CREATE TABLE "DiagnosisVisits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DiagnosisVisits" PRIMARY KEY,
    "DiagnosisId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    "Topic" INTEGER NOT NULL,
    "MemberIds" TEXT NOT NULL,
    "ContactPerson" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Attendance" INTEGER NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_DiagnosisVisits_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DiagnosisVisits_DiagnosisId_Date" ON "DiagnosisVisits" ("DiagnosisId", "Date");

CREATE TABLE "VisitPhotos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VisitPhotos" PRIMARY KEY,
    "DiagnosisId" TEXT NOT NULL,
    "VisitId" TEXT NOT NULL,
    "Tag" INTEGER NOT NULL,
    "ThumbnailSha256" TEXT NULL,
    "ThumbnailSize" INTEGER NULL,
    "TakenAt" TEXT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "PerceptualHash" INTEGER NULL,
    "ReusedFrom" TEXT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_VisitPhotos_DiagnosisVisits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "DiagnosisVisits" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_VisitPhotos_DiagnosisId" ON "VisitPhotos" ("DiagnosisId");

CREATE INDEX "IX_VisitPhotos_VisitId" ON "VisitPhotos" ("VisitId");

CREATE TABLE "AgreementScans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgreementScans" PRIMARY KEY,
    "DiagnosisId" TEXT NOT NULL,
    "SignedOn" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    CONSTRAINT "FK_AgreementScans_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgreementScans_DiagnosisId" ON "AgreementScans" ("DiagnosisId");

CREATE TABLE "DiagnosisSatisfactions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DiagnosisSatisfactions" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "DiagnosisId" TEXT NOT NULL,
    "Process" INTEGER NOT NULL,
    "Analysis" INTEGER NOT NULL,
    "Advice" INTEGER NOT NULL,
    "Competence" INTEGER NOT NULL,
    "Result" INTEGER NOT NULL,
    "Overall" INTEGER NOT NULL,
    "Adoption" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "SubmittedByName" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    CONSTRAINT "FK_DiagnosisSatisfactions_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DiagnosisSatisfactions_DiagnosisId" ON "DiagnosisSatisfactions" ("DiagnosisId");

CREATE TABLE "DiagnosisSubmissions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DiagnosisSubmissions" PRIMARY KEY,
    "DiagnosisId" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "SubmittedByName" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    CONSTRAINT "FK_DiagnosisSubmissions_Diagnoses_DiagnosisId" FOREIGN KEY ("DiagnosisId") REFERENCES "Diagnoses" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DiagnosisSubmissions_DiagnosisId_Round" ON "DiagnosisSubmissions" ("DiagnosisId", "Round");
