-- Reports (帳票) at the speed of a busy pharmacy's year (issue #7): one audit entry per
-- generated report instead of one per patient in it, and parcel items that carry their
-- claims code so that 麻薬・向精神薬 交付記録 needs neither the prescription's JAHIS text
-- nor a match by drug name.

-- The patients a generated report disclosed, written in the same transaction as its
-- "report.generate" audit entry, so that 監査抽出 for a patient still finds every report that
-- showed their data. Append-only like audit_log; the generation's entry in the hash chain
-- states how many patients it disclosed (detail "patients=N").
-- Entries written before 0008 ("report.patient_read", one per patient) stay in audit_log and
-- are found there, so nothing needs backfilling.
CREATE TABLE report_disclosures (
    patient_ref  TEXT    NOT NULL,
    audit_seq    INTEGER NOT NULL REFERENCES audit_log (seq),
    PRIMARY KEY (patient_ref, audit_seq)
) WITHOUT ROWID;
CREATE TRIGGER report_disclosures_no_update BEFORE UPDATE ON report_disclosures
BEGIN
    SELECT RAISE(ABORT, 'report_disclosures is append-only');
END;
CREATE TRIGGER report_disclosures_no_delete BEFORE DELETE ON report_disclosures
BEGIN
    SELECT RAISE(ABORT, 'report_disclosures is append-only');
END;

-- The claims code (9 digits) of the drug as dispensed into the parcel: the prescription's own
-- claims code, or the one the drug master resolves its YJ/MHLW/HOT code to; '' when the drug
-- has none (name-only items, drugs not in the master). NULL: stored before 0008 — the report
-- then falls back to the prescription's content, matched by name.
ALTER TABLE parcel_items ADD COLUMN claims_code TEXT;
