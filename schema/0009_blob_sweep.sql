-- The sweep of blobs no row names (store/BlobSweeper): a blob written by a request whose
-- transaction then failed. A blob is removed once it has been seen unreferenced for an hour;
-- this table remembers since when, across restarts. The column is deliberately not called
-- *blob*/*sha256*: such columns count as references to a blob (retention, the sweep itself).
CREATE TABLE unreferenced_files (
    file_id        TEXT    PRIMARY KEY,
    first_seen_at  INTEGER NOT NULL
);
