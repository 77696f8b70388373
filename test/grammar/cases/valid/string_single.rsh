'it''s'
