-- 0001 initial schema (SQLite): accounts, enterprise file, organisations and assignments, audit trail, import jobs.
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "District" TEXT NULL,
    "EnterpriseId" TEXT NULL,
    "OrganisationId" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "ProgrammeId" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Source" TEXT NULL,
    "Changes" TEXT NOT NULL
);


CREATE TABLE "Enterprises" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Enterprises" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Uscc" TEXT NULL,
    "District" TEXT NOT NULL,
    "RegisteredAddress" TEXT NULL,
    "LegalRepresentative" TEXT NULL,
    "ContactName" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "FoundedOn" TEXT NULL,
    "Ownership" INTEGER NULL,
    "AboveScale" INTEGER NULL,
    "QualityTier" INTEGER NOT NULL,
    "IndustryKey" TEXT NOT NULL,
    "IndustryCode" TEXT NULL,
    "Employees" INTEGER NULL,
    "DigitalStaff" INTEGER NULL,
    "InsuredEmployees" INTEGER NULL,
    "MainProducts" TEXT NULL,
    "RevenueWan" TEXT NULL,
    "ProfitWan" TEXT NULL,
    "DigitalInvestmentWan" TEXT NULL,
    "LittleGiantCentralFunded" INTEGER NOT NULL,
    "Pilot2022" INTEGER NOT NULL,
    "CreditStatus" INTEGER NOT NULL,
    "Intro" TEXT NULL,
    "ComputedSize" INTEGER NULL,
    "SizeOverride" INTEGER NULL,
    "SizeOverrideReason" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "ImportJobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImportJobs" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "TotalRows" INTEGER NOT NULL,
    "ProcessedRows" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Updated" INTEGER NOT NULL,
    "Unchanged" INTEGER NOT NULL,
    "Problems" TEXT NOT NULL,
    "FileError" TEXT NULL,
    "Content" BLOB NULL
);


CREATE TABLE "Organisations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Organisations" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Uscc" TEXT NULL,
    "Kind" INTEGER NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Assignments" (
    "OrganisationId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    CONSTRAINT "PK_Assignments" PRIMARY KEY ("OrganisationId", "EnterpriseId"),
    CONSTRAINT "FK_Assignments_Enterprises_EnterpriseId" FOREIGN KEY ("EnterpriseId") REFERENCES "Enterprises" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Assignments_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_Assignments_EnterpriseId" ON "Assignments" ("EnterpriseId");


CREATE INDEX "IX_AuditEntries_EntityType_EntityId_At" ON "AuditEntries" ("EntityType", "EntityId", "At");


CREATE INDEX "IX_AuditEntries_ProgrammeId_At" ON "AuditEntries" ("ProgrammeId", "At");


CREATE INDEX "IX_Enterprises_ProgrammeId_District_Name" ON "Enterprises" ("ProgrammeId", "District", "Name");


CREATE INDEX "IX_Enterprises_ProgrammeId_IndustryKey" ON "Enterprises" ("ProgrammeId", "IndustryKey");


CREATE INDEX "IX_Enterprises_ProgrammeId_Name" ON "Enterprises" ("ProgrammeId", "Name");


CREATE INDEX "IX_Enterprises_ProgrammeId_UpdatedAt" ON "Enterprises" ("ProgrammeId", "UpdatedAt");


CREATE UNIQUE INDEX "IX_Enterprises_ProgrammeId_Uscc" ON "Enterprises" ("ProgrammeId", "Uscc");


CREATE INDEX "IX_ImportJobs_ProgrammeId_CreatedAt" ON "ImportJobs" ("ProgrammeId", "CreatedAt");


CREATE INDEX "IX_ImportJobs_Status" ON "ImportJobs" ("Status");


CREATE INDEX "IX_Organisations_ProgrammeId_Kind" ON "Organisations" ("ProgrammeId", "Kind");



