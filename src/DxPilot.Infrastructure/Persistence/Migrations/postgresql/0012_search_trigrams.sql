-- Codes and numbers in the search index: runs of ASCII letters and digits (USCCs, phones) add their trigrams to each file's
-- grams (SearchIndex.Grams), because digit bigrams are in nearly every file and cannot narrow a code fragment. The search
-- text is lower-cased, so [0-9a-z] is every ASCII letter or digit.
UPDATE "Enterprises" SET "SearchTokens" = ARRAY(
    SELECT DISTINCT g FROM (
        SELECT substr("SearchText", i, 1) AS g FROM generate_series(1, length("SearchText")) AS i
        UNION
        SELECT substr("SearchText", i, 2) FROM generate_series(1, length("SearchText") - 1) AS i
        UNION
        SELECT substr("SearchText", i, 3) FROM generate_series(1, length("SearchText") - 2) AS i
        WHERE substr("SearchText", i, 3) ~ '^[0-9a-z]{3}$'
    ) AS grams WHERE g !~ '\s');
