-- 0046: the trail's index on (ProgrammeId, At) is read by no query — a record's history and the catalogue's list of changes
-- go through (EntityType, EntityId, At), the chain through Sequence — and every audited save paid for keeping it.
DROP INDEX "IX_AuditEntries_ProgrammeId_At";
