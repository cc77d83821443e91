-- E-prescriptions: the dispensing result (調剤結果) registered with the national service.
ALTER TABLE prescriptions ADD COLUMN dispensing_result_id TEXT;
ALTER TABLE prescriptions ADD COLUMN dispensing_result_at INTEGER;
