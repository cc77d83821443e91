-- Intake: the clinic registry and the one queue every channel feeds.
-- Dates are 'YYYY-MM-DD' text (Asia/Tokyo); times are Unix seconds.

CREATE TABLE clinics (
    id                      INTEGER PRIMARY KEY,
    institution_code        TEXT    NOT NULL UNIQUE,
    name                    TEXT    NOT NULL,
    original_deadline_days  INTEGER,
    created_at              INTEGER NOT NULL
);

CREATE TABLE clinic_fax_numbers (
    fax_number  TEXT    PRIMARY KEY,
    clinic_id   INTEGER NOT NULL REFERENCES clinics (id)
);

CREATE TABLE prescriptions (
    id                 INTEGER PRIMARY KEY,
    channel            TEXT    NOT NULL
        CHECK (channel IN ('fax', 'clinic_api', 'eprescription', 'counter')),
    status             TEXT    NOT NULL,
    held_from          TEXT,
    original_state     TEXT,
    version            INTEGER NOT NULL DEFAULT 1,
    -- What the prescription says, as JAHIS text (the canonical form), plus the facts a
    -- JAHIS QR cannot carry. NULL content: a fax without a readable QR, waiting for entry.
    content_jahis      TEXT,
    initial_visit      INTEGER,
    conditions_known   INTEGER,
    -- Copied out of the content for matching, listing and the audit trail.
    institution_code   TEXT,
    prescription_number TEXT,
    issue_date         TEXT,
    patient_ref        TEXT,
    patient_name       TEXT,
    match_key          TEXT,
    clinic_id          INTEGER REFERENCES clinics (id),
    -- Where it came from.
    client_id          INTEGER REFERENCES api_clients (id),
    client_reference   TEXT,
    request_hash       TEXT,
    source_sha256      TEXT,
    sender_fax         TEXT,
    eprescription_id   TEXT,
    received_at        INTEGER NOT NULL,
    received_by        TEXT    NOT NULL,
    duplicate_of       INTEGER REFERENCES prescriptions (id),
    misdirected_at     INTEGER,
    dispensed_on       TEXT,
    completed_at       INTEGER,
    updated_at         INTEGER NOT NULL,
    UNIQUE (client_id, client_reference)
);
CREATE INDEX prescriptions_by_status ON prescriptions (status, received_at);
CREATE INDEX prescriptions_by_source ON prescriptions (source_sha256);
CREATE INDEX prescriptions_by_match ON prescriptions (match_key);
CREATE INDEX prescriptions_by_number ON prescriptions (institution_code, prescription_number);
CREATE INDEX prescriptions_by_patient ON prescriptions (patient_ref);
CREATE INDEX prescriptions_by_received ON prescriptions (received_at);

-- Page images: the faxed copy, the scanned original, counter scans, clinic uploads.
CREATE TABLE prescription_pages (
    prescription_id  INTEGER NOT NULL REFERENCES prescriptions (id),
    kind             TEXT    NOT NULL CHECK (kind IN ('fax', 'original', 'scan', 'upload')),
    page_no          INTEGER NOT NULL,
    blob_id          TEXT    NOT NULL,
    preview_blob_id  TEXT    NOT NULL,
    media_type       TEXT    NOT NULL,
    PRIMARY KEY (prescription_id, kind, page_no)
);

CREATE TABLE prescription_findings (
    id               INTEGER PRIMARY KEY,
    prescription_id  INTEGER NOT NULL REFERENCES prescriptions (id),
    code             TEXT    NOT NULL,
    severity         TEXT    NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
    message          TEXT    NOT NULL,
    evidence         TEXT    NOT NULL,
    resolved_at      INTEGER,
    resolved_by      TEXT,
    resolution       TEXT
);
CREATE INDEX prescription_findings_by_prescription ON prescription_findings (prescription_id);

-- The timeline: every change of state, who made it and why.
CREATE TABLE prescription_events (
    id               INTEGER PRIMARY KEY,
    prescription_id  INTEGER NOT NULL REFERENCES prescriptions (id),
    at               INTEGER NOT NULL,
    actor            TEXT    NOT NULL,
    action           TEXT    NOT NULL,
    from_state       TEXT,
    to_state         TEXT,
    note             TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX prescription_events_by_prescription ON prescription_events (prescription_id, at);
