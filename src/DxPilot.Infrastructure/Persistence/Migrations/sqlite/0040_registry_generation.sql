-- 0040 (SQLite): the registry's generation (RegistryGeneration), moved by every saved change to an enterprise file or an
-- assignment, so that a copy of the platform may keep a list until it moves (docs/measurements-search.md).
CREATE TABLE "RegistryGeneration" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RegistryGeneration" PRIMARY KEY,
    "Generation" INTEGER NOT NULL
);

INSERT INTO "RegistryGeneration" ("Id", "Generation") VALUES (1, 0);
