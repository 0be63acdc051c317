-- Run once on a fresh cluster in single-user mode (postgres --single -j): a statement ends with a semicolon
-- followed by an empty line. The superuser is "postgres" (password "postgres", set by initdb).
CREATE ROLE hermes LOGIN REPLICATION PASSWORD 'hermes';

CREATE DATABASE inventory OWNER hermes;

