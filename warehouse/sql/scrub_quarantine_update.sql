UPDATE quarantine SET payload = ? WHERE quarantine_id = ?;
