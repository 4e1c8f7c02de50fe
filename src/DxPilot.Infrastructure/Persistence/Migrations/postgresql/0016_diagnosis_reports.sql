-- 0016 diagnosis reports (PostgreSQL): what the diagnosis team wrote in the 附件3 template, one per diagnosis, stored
-- whole as JSON, with its written length (字符数不计空格) for the checklist and lists; removed with its diagnosis.
CREATE TABLE "DiagnosisReports" (
    "DiagnosisId" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "Content" text NOT NULL,
    "Characters" integer NOT NULL,
    "Version" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DiagnosisReports" PRIMARY KEY ("DiagnosisId")
);
