-- 0017 diagnosis overview: the overview (and the scope rule under it) reads each file's id and district by programme; this
-- narrow index answers that without reading the wide rows (names, search text and grams), a few MB instead of the table.
CREATE INDEX "IX_Enterprises_ProgrammeId_Id_District" ON "Enterprises" ("ProgrammeId", "Id", "District");
