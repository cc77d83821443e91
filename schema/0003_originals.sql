-- Originals (原本) of faxed and API-pushed prescriptions: reconciliation results, inquiries
-- to the prescriber, originals nobody has matched yet, and chases sent to clinics.
-- The original's pages are stored in prescription_pages (kind 'original') next to the fax;
-- the original's state is prescriptions.original_state.
-- Dates are 'YYYY-MM-DD' text (Asia/Tokyo); times are Unix seconds.

-- Every comparison of an original with the dispensed copy (by QR or by a pharmacist's eye).
CREATE TABLE original_reconciliations (
    id                INTEGER PRIMARY KEY,
    prescription_id   INTEGER NOT NULL REFERENCES prescriptions (id),
    at                INTEGER NOT NULL,
    actor             TEXT    NOT NULL,
    method            TEXT    NOT NULL CHECK (method IN ('qr', 'manual', 'no_scan')),
    readable          INTEGER NOT NULL,
    matched           INTEGER NOT NULL,
    -- [{path, label, fax_value, original_value, kind}]: patient data, shown to staff only.
    differences_json  TEXT    NOT NULL DEFAULT '[]',
    source_sha256     TEXT,
    note              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX original_reconciliations_by_prescription
    ON original_reconciliations (prescription_id, id);

-- 疑義照会 about an original that differs from what was dispensed.
CREATE TABLE original_inquiries (
    id               INTEGER PRIMARY KEY,
    prescription_id  INTEGER NOT NULL REFERENCES prescriptions (id),
    reason           TEXT    NOT NULL,
    opened_at        INTEGER NOT NULL,
    opened_by        TEXT    NOT NULL,
    called_by        TEXT    NOT NULL DEFAULT '',
    called_at        INTEGER,
    clinic_contact   TEXT    NOT NULL DEFAULT '',
    answer           TEXT    NOT NULL DEFAULT '',
    resolution       TEXT,
    resolved_at      INTEGER,
    resolved_by      TEXT
);
CREATE INDEX original_inquiries_by_prescription ON original_inquiries (prescription_id, id);

-- Originals received for a prescription rxdesk could not find: held for a pharmacist.
CREATE TABLE orphan_originals (
    id                   INTEGER PRIMARY KEY,
    received_at          INTEGER NOT NULL,
    received_by          TEXT    NOT NULL,
    source_sha256        TEXT    NOT NULL,
    content_jahis        TEXT,
    institution_code     TEXT,
    prescription_number  TEXT,
    issue_date           TEXT,
    patient_ref          TEXT,
    patient_name         TEXT,
    match_key            TEXT,
    hold_reason          TEXT    NOT NULL,
    attached_to          INTEGER REFERENCES prescriptions (id),
    attached_at          INTEGER,
    attached_by          TEXT
);
CREATE INDEX orphan_originals_by_attached ON orphan_originals (attached_to);

CREATE TABLE orphan_original_pages (
    orphan_id        INTEGER NOT NULL REFERENCES orphan_originals (id),
    page_no          INTEGER NOT NULL,
    blob_id          TEXT    NOT NULL,
    preview_blob_id  TEXT    NOT NULL,
    media_type       TEXT    NOT NULL,
    PRIMARY KEY (orphan_id, page_no)
);

-- When a clinic was asked for its missing originals (no patient data).
CREATE TABLE original_chases (
    id             INTEGER PRIMARY KEY,
    clinic_id      INTEGER NOT NULL REFERENCES clinics (id),
    at             INTEGER NOT NULL,
    actor          TEXT    NOT NULL,
    originals      INTEGER NOT NULL
);
CREATE INDEX original_chases_by_clinic ON original_chases (clinic_id, at);

CREATE INDEX prescriptions_by_original_state ON prescriptions (original_state);
CREATE INDEX prescriptions_by_completed ON prescriptions (completed_at);
-- The retention job asks whether any row still names a blob before removing it.
CREATE INDEX prescription_pages_by_blob ON prescription_pages (blob_id);
CREATE INDEX prescription_pages_by_preview_blob ON prescription_pages (preview_blob_id);
CREATE INDEX original_reconciliations_by_source ON original_reconciliations (source_sha256);
CREATE INDEX prescriptions_by_duplicate_of ON prescriptions (duplicate_of);
