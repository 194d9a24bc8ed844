DELETE FROM blocked_employers WHERE block_key = $block_key
