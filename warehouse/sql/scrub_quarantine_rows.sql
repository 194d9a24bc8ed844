-- Quarantined records of one ad (its source id appears in the payload text).
SELECT quarantine_id, payload FROM quarantine WHERE contains(payload, ?);
