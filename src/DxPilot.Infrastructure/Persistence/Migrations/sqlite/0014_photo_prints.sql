-- 0014 photo reuse index (SQLite): one fingerprint per stored site-visit photo (SHA-256 and 64-bit perceptual hash in four
-- 16-bit bands, each indexed), so that the same picture used for another visit or enterprise is found (docs/photos.md).
-- The visit and photo ids are plain columns: the visit aggregate owns those rows.
CREATE TABLE "PhotoPrints" (
    "PhotoId" TEXT NOT NULL CONSTRAINT "PK_PhotoPrints" PRIMARY KEY,
    "ProgrammeId" TEXT NOT NULL,
    "EnterpriseId" TEXT NOT NULL,
    "VisitId" TEXT NOT NULL,
    "VisitOn" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Hash" INTEGER NOT NULL,
    "Band0" INTEGER NOT NULL,
    "Band1" INTEGER NOT NULL,
    "Band2" INTEGER NOT NULL,
    "Band3" INTEGER NOT NULL
);

CREATE INDEX "IX_PhotoPrints_Band0" ON "PhotoPrints" ("Band0");

CREATE INDEX "IX_PhotoPrints_Band1" ON "PhotoPrints" ("Band1");

CREATE INDEX "IX_PhotoPrints_Band2" ON "PhotoPrints" ("Band2");

CREATE INDEX "IX_PhotoPrints_Band3" ON "PhotoPrints" ("Band3");

CREATE INDEX "IX_PhotoPrints_Sha256" ON "PhotoPrints" ("Sha256");

CREATE INDEX "IX_PhotoPrints_VisitId" ON "PhotoPrints" ("VisitId");
