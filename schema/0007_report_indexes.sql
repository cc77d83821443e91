-- Indexes for the reports (帳票), so that a year of a busy pharmacy (≈100,000
-- prescriptions) reports in about a second. Each names the report it serves.

-- 服薬指導記録 and 算定集計: guidance records by the time the session started.
CREATE INDEX guidance_records_by_started ON guidance_records (started_at);

-- 麻薬・向精神薬 交付記録: hand-overs (kind 'delivered') in a period, without scanning every
-- temperature reading and scan of the custody log.
CREATE INDEX parcel_events_by_kind_at ON parcel_events (kind, at);

-- 原本未着一覧 uses prescriptions_by_original_state (0003); 監査抽出 uses
-- audit_log_by_patient (0001).
