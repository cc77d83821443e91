-- Video guidance (オンライン服薬指導): pharmacists' schedules, appointments, the patients'
-- preferred pharmacist, calendar feed tokens, guidance records with their fees, and the
-- notification outbox. Times are Unix seconds unless the column name ends in _ms; dates are
-- 'YYYY-MM-DD' (Asia/Tokyo); minutes of a day count from Tokyo midnight.

CREATE TABLE guidance_schedules (
    pharmacist_id   INTEGER PRIMARY KEY REFERENCES users (id),
    slot_minutes    INTEGER NOT NULL CHECK (slot_minutes > 0),
    buffer_minutes  INTEGER NOT NULL CHECK (buffer_minutes >= 0),
    cutoff_minutes  INTEGER NOT NULL CHECK (cutoff_minutes >= 0),
    updated_at      INTEGER NOT NULL,
    updated_by      TEXT    NOT NULL
);

-- Weekly pattern: working hours and recurring breaks per weekday (0 = Sunday).
CREATE TABLE guidance_schedule_weekly (
    pharmacist_id  INTEGER NOT NULL REFERENCES guidance_schedules (pharmacist_id),
    weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    kind           TEXT    NOT NULL CHECK (kind IN ('hours', 'break')),
    begin_minute   INTEGER NOT NULL,
    end_minute     INTEGER NOT NULL
);
CREATE INDEX guidance_schedule_weekly_by_pharmacist ON guidance_schedule_weekly (pharmacist_id);

-- Dated exceptions: days off (holidays), breaks on a date, extra hours on a date.
CREATE TABLE guidance_schedule_exceptions (
    pharmacist_id  INTEGER NOT NULL REFERENCES guidance_schedules (pharmacist_id),
    date           TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('day_off', 'break', 'extra_hours')),
    begin_minute   INTEGER NOT NULL DEFAULT 0,
    end_minute     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX guidance_schedule_exceptions_by_pharmacist
    ON guidance_schedule_exceptions (pharmacist_id, date);

-- The patient's かかりつけ pharmacist, per pseudonymous patient reference.
CREATE TABLE guidance_patient_preferences (
    patient_ref    TEXT    PRIMARY KEY,
    pharmacist_id  INTEGER NOT NULL REFERENCES users (id),
    updated_at     INTEGER NOT NULL
);

-- Secret calendar feed per pharmacist: only the SHA-256 of the token is kept.
CREATE TABLE guidance_calendar_feeds (
    pharmacist_id  INTEGER PRIMARY KEY REFERENCES users (id),
    token_sha256   TEXT    NOT NULL UNIQUE,
    created_at     INTEGER NOT NULL
);

CREATE TABLE guidance_appointments (
    id                  INTEGER PRIMARY KEY,
    prescription_id     INTEGER NOT NULL REFERENCES prescriptions (id),
    patient_ref         TEXT    NOT NULL,
    patient_initials    TEXT    NOT NULL DEFAULT '',
    pharmacist_id       INTEGER NOT NULL REFERENCES users (id),
    start_at            INTEGER NOT NULL,
    end_at              INTEGER NOT NULL CHECK (end_at > start_at),
    status              TEXT    NOT NULL CHECK (status IN ('booked', 'completed', 'cancelled')),
    sequence            INTEGER NOT NULL DEFAULT 0,
    -- The patient's contact for notifications (patient data: never logged).
    contact_channel     TEXT    CHECK (contact_channel IN ('webhook', 'sms', 'email')),
    contact_address     TEXT,
    change_reason       TEXT    NOT NULL DEFAULT '',
    cancel_reason       TEXT    NOT NULL DEFAULT '',
    session_started_at  INTEGER,
    created_at          INTEGER NOT NULL,
    created_by          TEXT    NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX guidance_appointments_by_pharmacist ON guidance_appointments (pharmacist_id, start_at);
CREATE INDEX guidance_appointments_by_prescription ON guidance_appointments (prescription_id);
CREATE INDEX guidance_appointments_by_patient ON guidance_appointments (patient_ref);
-- No double booking, whatever the application does: one live appointment per pharmacist and
-- start, and no overlapping live appointments (the triggers; SQLite has no exclusion
-- constraints).
CREATE UNIQUE INDEX guidance_appointments_one_per_start
    ON guidance_appointments (pharmacist_id, start_at) WHERE status <> 'cancelled';
CREATE TRIGGER guidance_appointments_no_overlap_insert
BEFORE INSERT ON guidance_appointments WHEN NEW.status <> 'cancelled'
BEGIN
    SELECT RAISE(ABORT, 'guidance appointment overlaps')
    WHERE EXISTS (SELECT 1 FROM guidance_appointments
                  WHERE pharmacist_id = NEW.pharmacist_id AND status <> 'cancelled'
                    AND start_at < NEW.end_at AND NEW.start_at < end_at);
END;
CREATE TRIGGER guidance_appointments_no_overlap_update
BEFORE UPDATE OF start_at, end_at, status, pharmacist_id ON guidance_appointments
WHEN NEW.status <> 'cancelled'
BEGIN
    SELECT RAISE(ABORT, 'guidance appointment overlaps')
    WHERE EXISTS (SELECT 1 FROM guidance_appointments
                  WHERE id <> NEW.id AND pharmacist_id = NEW.pharmacist_id
                    AND status <> 'cancelled'
                    AND start_at < NEW.end_at AND NEW.start_at < end_at);
END;

-- The record of a held session (the access log the guideline asks for) and its fee.
CREATE TABLE guidance_records (
    appointment_id             INTEGER PRIMARY KEY REFERENCES guidance_appointments (id),
    pharmacist_id              INTEGER NOT NULL REFERENCES users (id),
    patient_ref                TEXT    NOT NULL,
    started_at                 INTEGER NOT NULL,
    ended_at                   INTEGER NOT NULL,
    mode                       TEXT    NOT NULL CHECK (mode IN ('video', 'audio_only')),
    video_and_audio_confirmed  INTEGER NOT NULL,
    first_session              INTEGER NOT NULL,
    identity_document          TEXT    NOT NULL,
    identity_document_other    TEXT    NOT NULL DEFAULT '',
    pharmacist_identity_shown  INTEGER NOT NULL,
    others_present             INTEGER NOT NULL,
    others_description         TEXT    NOT NULL DEFAULT '',
    others_consent             INTEGER NOT NULL,
    security_risk_agreed       INTEGER NOT NULL,
    private_space_confirmed    INTEGER NOT NULL,
    recorded                   INTEGER NOT NULL,
    recording_consent          INTEGER NOT NULL,
    explained_topics           TEXT    NOT NULL,
    outcome                    TEXT    NOT NULL
        CHECK (outcome IN ('completed', 'switched_to_face_to_face', 'stopped')),
    stop_reason                TEXT    NOT NULL DEFAULT '',
    notebook_presented         INTEGER NOT NULL,
    home_patient               INTEGER NOT NULL,
    home_visit_same_day        INTEGER NOT NULL,
    previous_visit_date        TEXT,
    fee_kind                   TEXT    NOT NULL,
    fee_points                 INTEGER NOT NULL,
    fee_basis                  TEXT    NOT NULL,
    fee_reason                 TEXT    NOT NULL,
    recorded_at                INTEGER NOT NULL,
    recorded_by                TEXT    NOT NULL
);
CREATE INDEX guidance_records_by_patient ON guidance_records (patient_ref, started_at);
CREATE INDEX guidance_records_by_pharmacist ON guidance_records (pharmacist_id, started_at);

-- The notification outbox (see notify/OutboxStore.h for the guarantees). recipient, subject
-- and body are patient data.
CREATE TABLE notification_outbox (
    id                  TEXT    PRIMARY KEY,
    dedup_key           TEXT    NOT NULL UNIQUE,
    kind                TEXT    NOT NULL,
    channel             TEXT    NOT NULL,
    appointment_id      TEXT    NOT NULL,
    recipient           TEXT    NOT NULL,
    subject             TEXT    NOT NULL,
    body                TEXT    NOT NULL,
    due_at_ms           INTEGER NOT NULL,
    expires_at_ms       INTEGER,
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at_ms  INTEGER NOT NULL,
    state               TEXT    NOT NULL
        CHECK (state IN ('pending', 'sending', 'sent', 'failed_permanently', 'cancelled')),
    last_error_code     TEXT    NOT NULL DEFAULT '',
    claim_token         TEXT,
    lease_until_ms      INTEGER,
    sent_at_ms          INTEGER,
    created_at_ms       INTEGER NOT NULL
);
CREATE INDEX notification_outbox_pending ON notification_outbox (state, next_attempt_at_ms);
CREATE INDEX notification_outbox_by_appointment ON notification_outbox (appointment_id);
