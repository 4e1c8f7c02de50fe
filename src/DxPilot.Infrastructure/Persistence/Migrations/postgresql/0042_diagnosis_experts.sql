-- 0042 (PostgreSQL): the expert accounts the city bureau names to accept a submitted diagnosis, kept as "|id|id|" like a
-- project's acceptance group (NamedAccounts); an expert reads, accepts or returns only the diagnoses it is named on.
ALTER TABLE "Diagnoses" ADD "ExpertAccounts" text NOT NULL DEFAULT '';
