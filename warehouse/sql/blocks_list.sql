-- Every block rule with how many active listings it hides today.
SELECT b.kind, b.value, b.written, b.created_at,
       (SELECT count(*) FROM listings AS l
        WHERE l.status = 'active'
          AND ((b.kind = 'name' AND l.employer_key = b.value)
            OR (b.kind = 'orgnr' AND l.employer_orgnr = b.value)
            OR (b.kind = 'all_staffing_agencies' AND l.staffing_agency))) AS hides
FROM blocked_employers AS b ORDER BY b.created_at, b.block_key
