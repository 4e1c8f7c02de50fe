-- 0016 diagnosis reports (SQLite): what the diagnosis team wrote in the 附件3 template, one per diagnosis, stored whole
-- as JSON, with its written length (字符数不计空格) for the checklist and lists; removed with its diagnosis.
CREATE TABLE "DiagnosisReports" (
    "DiagnosisId" TEXT NOT NULL CONSTRAINT "PK_DiagnosisReports" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "Characters" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
