-- 0045: a provider's product names are unique in a programme, so that two imports of one 附件1 sheet at the same time cannot
-- both add a product (the import's check before inserting saw none in either). Names were not unique before: a provider's
-- later products that repeat an earlier name (same programme, same provider, same name as stored, i.e. trimmed) keep their
-- rows and get "（重名2）", "（重名3）" … after the name, the earliest keeping it, so that the provider sees and renames them.
UPDATE "CatalogueProducts" SET "Name" = "CatalogueProducts"."Name" || '（重名' || d."N" || '）'
FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "ProviderId", "ProgrammeId", "Name" ORDER BY "CreatedAt", "Id") AS "N"
      FROM "CatalogueProducts") AS d
WHERE d."Id" = "CatalogueProducts"."Id" AND d."N" > 1;

DROP INDEX "IX_CatalogueProducts_ProviderId_Name";
CREATE UNIQUE INDEX "IX_CatalogueProducts_ProviderId_ProgrammeId_Name" ON "CatalogueProducts" ("ProviderId", "ProgrammeId", "Name");
