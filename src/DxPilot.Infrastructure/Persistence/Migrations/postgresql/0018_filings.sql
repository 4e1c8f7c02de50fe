-- 0018 filings (PostgreSQL): 改造项目备案 (seed 003, seed 002 三（二） and 附件4) — the filing with its answers by key, each
-- submitted version frozen, and the experts' reviews of each round.
CREATE TABLE "Filings" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "EnterpriseId" uuid NOT NULL,
    "District" character varying(64) NOT NULL,
    "Status" integer NOT NULL,
    "Values" text NOT NULL,
    "ProjectName" character varying(200) NOT NULL,
    "TargetLevel" integer,
    "InvestmentWan" numeric(14,2),
    "Round" integer NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "StatusSince" timestamp with time zone NOT NULL,
    "FiledAt" timestamp with time zone,
    "LastOpinion" character varying(4000),
    "LittleGiantCentralFunded" boolean NOT NULL,
    "Pilot2022" boolean NOT NULL,
    "CreatedByName" character varying(100) NOT NULL,
    "Version" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Filings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Filings_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FilingExpertReviews" (
    "Id" uuid NOT NULL,
    "ProgrammeId" character varying(64) NOT NULL,
    "FilingId" uuid NOT NULL,
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
    CONSTRAINT "PK_FilingExpertReviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FilingExpertReviews_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FilingVersions" (
    "Id" uuid NOT NULL,
    "FilingId" uuid NOT NULL,
    "Round" integer NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    "SubmittedByName" character varying(100) NOT NULL,
    "Values" text NOT NULL,
    "Basics" text NOT NULL,
    "Providers" text NOT NULL,
    CONSTRAINT "PK_FilingVersions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FilingVersions_Filings_FilingId" FOREIGN KEY ("FilingId") REFERENCES "Filings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_FilingExpertReviews_ExpertUserId_SubmittedAt" ON "FilingExpertReviews" ("ExpertUserId", "SubmittedAt");

CREATE UNIQUE INDEX "IX_FilingExpertReviews_FilingId_Round_ExpertUserId" ON "FilingExpertReviews" ("FilingId", "Round", "ExpertUserId");

CREATE INDEX "IX_Filings_EnterpriseId" ON "Filings" ("EnterpriseId");

CREATE INDEX "IX_Filings_ProgrammeId_District_Status_StatusSince" ON "Filings" ("ProgrammeId", "District", "Status", "StatusSince");

CREATE INDEX "IX_Filings_ProgrammeId_Status_StatusSince" ON "Filings" ("ProgrammeId", "Status", "StatusSince");

CREATE UNIQUE INDEX "IX_FilingVersions_FilingId_Round" ON "FilingVersions" ("FilingId", "Round");
