-- Dispatch: the claims drug master and the pharmacy's supplement, shipments, parcels and
-- their chain of custody. Dates are 'YYYY-MM-DD' text (Asia/Tokyo); times are Unix seconds.

-- 医薬品マスター as last imported (a re-import replaces every row in one transaction).
CREATE TABLE drug_master (
    claims_code    TEXT    PRIMARY KEY,
    name           TEXT    NOT NULL,
    kana_name      TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    control_class  INTEGER NOT NULL CHECK (control_class IN (0, 1, 2, 3, 5)),
    yj_code        TEXT
);
CREATE INDEX drug_master_by_yj ON drug_master (yj_code);

-- What the master does not say, kept by the pharmacy; keyed by a claims or a YJ code.
CREATE TABLE drug_supplement (
    code                     TEXT    PRIMARY KEY,
    key_kind                 TEXT    NOT NULL CHECK (key_kind IN ('claims', 'yj')),
    storage                  TEXT    NOT NULL CHECK (storage IN ('room', 'cold', 'frozen')),
    protect_from_light       INTEGER NOT NULL,
    powerful                 INTEGER NOT NULL,
    radiopharmaceutical      INTEGER NOT NULL,
    urgent                   INTEGER NOT NULL,
    do_not_shake             INTEGER NOT NULL,
    emergency_contraceptive  INTEGER NOT NULL,
    high_risk                INTEGER NOT NULL,
    misuse                   TEXT    NOT NULL,
    hot_codes                TEXT    NOT NULL,  -- space-separated
    note                     TEXT    NOT NULL,
    updated_at               INTEGER NOT NULL,
    updated_by               TEXT    NOT NULL
);

-- Every import and edit of drug data; the newest id is the data's revision.
CREATE TABLE drug_imports (
    id           INTEGER PRIMARY KEY,
    data_set     TEXT    NOT NULL CHECK (data_set IN ('claims_master', 'supplement', 'supplement_edit')),
    imported_at  INTEGER NOT NULL,
    source_name  TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    accepted     INTEGER NOT NULL,
    rejected     INTEGER NOT NULL
);

-- One planned dispatch of a prescription's medicine.
CREATE TABLE shipments (
    id                 INTEGER PRIMARY KEY,
    prescription_id    INTEGER NOT NULL REFERENCES prescriptions (id),
    patient_ref        TEXT    NOT NULL,
    method             TEXT    NOT NULL,  -- as requested: a delivery method name or 'carrier'
    time_slot          TEXT    NOT NULL,  -- B2 code ('0812', '1416', …) or ''
    cash_on_delivery   INTEGER,           -- yen
    recipient_name     TEXT    NOT NULL,
    recipient_postcode TEXT    NOT NULL,
    recipient_address  TEXT    NOT NULL,
    recipient_phone    TEXT    NOT NULL,
    country            TEXT    NOT NULL,
    ship_date          TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    created_by         TEXT    NOT NULL
);
CREATE INDEX shipments_by_prescription ON shipments (prescription_id);
CREATE INDEX shipments_by_date ON shipments (ship_date);

-- A shipment's parcels: one per temperature group.
CREATE TABLE parcels (
    id                INTEGER PRIMARY KEY,
    shipment_id       INTEGER NOT NULL REFERENCES shipments (id),
    seq               INTEGER NOT NULL,
    parcel_number     TEXT    NOT NULL UNIQUE,
    method            TEXT    NOT NULL,
    temperature       TEXT    NOT NULL CHECK (temperature IN ('room', 'chilled', 'frozen')),
    needs_signature   INTEGER NOT NULL,
    needs_identity    INTEGER NOT NULL,
    marks             TEXT    NOT NULL,  -- space-separated mark names for the outer label
    notes             TEXT    NOT NULL,  -- JSON array of the plan's notes for this method
    b2_handling       TEXT    NOT NULL,
    b2_remarks        TEXT    NOT NULL,
    UNIQUE (shipment_id, seq)
);

-- What is inside a parcel, as dispensed (printed on the handling note only).
CREATE TABLE parcel_items (
    parcel_id  INTEGER NOT NULL REFERENCES parcels (id),
    seq        INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    amount     TEXT    NOT NULL,
    usage      TEXT    NOT NULL,
    storage    TEXT    NOT NULL,
    PRIMARY KEY (parcel_id, seq)
);

-- The append-only custody log of a parcel.
CREATE TABLE parcel_events (
    id              INTEGER PRIMARY KEY,
    parcel_id       INTEGER NOT NULL REFERENCES parcels (id),
    kind            TEXT    NOT NULL,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    recipient_name  TEXT    NOT NULL,
    identity_check  TEXT    NOT NULL,
    signature_blob  TEXT    NOT NULL,
    failure_reason  TEXT    NOT NULL,
    confirmation    TEXT    NOT NULL,
    celsius         REAL,
    decision        TEXT    NOT NULL,
    note            TEXT    NOT NULL
);
CREATE INDEX parcel_events_by_parcel ON parcel_events (parcel_id, id);
