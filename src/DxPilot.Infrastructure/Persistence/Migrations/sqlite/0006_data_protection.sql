-- 0006 data protection (SQLite): the keys that sign cookies and antiforgery tokens, kept with the data they protect
-- so that a backup of the database carries them.
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);
