-- Staff accounts, sessions, API clients, the audit chain, idempotency keys and blob index.
-- Times are Unix seconds (INTEGER) unless the column name ends in _ms.

CREATE TABLE users (
    id                        INTEGER PRIMARY KEY,
    login                     TEXT    NOT NULL UNIQUE,
    display_name              TEXT    NOT NULL,
    role                      TEXT    NOT NULL
        CHECK (role IN ('pharmacist', 'clerk', 'delivery', 'admin')),
    password_hash             TEXT    NOT NULL,
    password_change_required  INTEGER NOT NULL DEFAULT 0,
    totp_secret               TEXT,
    totp_last_step            INTEGER NOT NULL DEFAULT 0,
    disabled_at               INTEGER,
    created_at                INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash    TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    csrf_token    TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed logins are counted per login name, existing or not, so lockout does not reveal
-- which accounts exist.
CREATE TABLE login_failures (
    login            TEXT    PRIMARY KEY,
    failures         INTEGER NOT NULL,
    locked_until     INTEGER NOT NULL DEFAULT 0,
    last_failure_at  INTEGER NOT NULL
);

CREATE TABLE api_clients (
    id                INTEGER PRIMARY KEY,
    key_id            TEXT    NOT NULL UNIQUE,
    key_hash          TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('clinic', 'fax_gateway')),
    institution_code  TEXT,
    created_at        INTEGER NOT NULL,
    revoked_at        INTEGER
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical entry).
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at_ms        INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    object_type  TEXT    NOT NULL,
    object_id    TEXT    NOT NULL,
    patient_ref  TEXT,
    remote_addr  TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    detail       TEXT    NOT NULL,
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL
);
CREATE INDEX audit_log_by_patient ON audit_log (patient_ref, at_ms) WHERE patient_ref IS NOT NULL;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The last link of the chain, kept apart so that a deleted tail is detected too.
CREATE TABLE audit_chain_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT    NOT NULL
);

CREATE TABLE idempotency_keys (
    principal      TEXT    NOT NULL,
    idem_key       TEXT    NOT NULL,
    route          TEXT    NOT NULL,
    request_hash   TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    response_body  TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (principal, idem_key)
);

CREATE TABLE blobs (
    sha256      TEXT    PRIMARY KEY,
    size        INTEGER NOT NULL,
    media_type  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
