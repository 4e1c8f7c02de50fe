-- 0047: a contract's 乙方 is the programme's service provider registered with its USCC, or else one registered without a USCC
-- under exactly its name, and never an organisation of another kind (ContractService.ProviderOrganisationAsync, on every save
-- since 2026-11-29). Contracts saved before were linked by USCC alone, to any kind. The link now lets the provider read the
-- filing and its project and credits it with the work (ProviderWork), so every contract is decided again by the one rule.
-- Names and codes are stored trimmed and normalised, as the save compares them.
UPDATE "ServiceContracts" SET "ProviderOrganisationId" = (
    SELECT o."Id" FROM "Organisations" o
    WHERE o."ProgrammeId" = "ServiceContracts"."ProgrammeId" AND o."Kind" = 1
      AND (o."Uscc" = "ServiceContracts"."ProviderUscc" OR o."Uscc" IS NULL AND o."Name" = "ServiceContracts"."ProviderName")
    ORDER BY o."Uscc" IS NULL
    LIMIT 1);
