DELETE FROM digest_sent WHERE search_name = $name;
DELETE FROM saved_searches WHERE name = $name
