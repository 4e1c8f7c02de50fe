-- 0029 award list index (PostgreSQL): the county's and the city's lists show every application of a call but drafts, newest first.
-- "Status" <> draft cannot use (CallId, Status, UpdatedAt) for the order, so the city's first page sorted the whole call
-- (10,000 applications: 27.6 ms in the database, docs/measurements-awards.md); (CallId, UpdatedAt) read backwards gives the page
-- in 0.7 ms.
CREATE INDEX "IX_AwardApplications_CallId_UpdatedAt" ON "AwardApplications" ("CallId", "UpdatedAt");
