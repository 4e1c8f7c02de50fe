-- 0010 accounts: which enterprises have no account yet (bulk creation) and whether one already has one are asked by
-- enterprise; without an index each question scans every account.
CREATE INDEX "IX_AspNetUsers_EnterpriseId" ON "AspNetUsers" ("EnterpriseId");
