-- The quickstart's sample schema for the WAL source (connectors/10-inventory-wal.json).
-- Run as role "hermes" in database "inventory" (hermes owns the tables, so the connector may publish them).
CREATE TABLE customers (
  id         serial PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id          serial PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers (id),
  total       numeric(10, 2) NOT NULL,
  status      text NOT NULL DEFAULT 'new'
);

INSERT INTO customers (email, first_name, last_name) VALUES
  ('ann@example.org', 'Ann', 'Archer'),
  ('bob@example.org', 'Bob', 'Baker');
INSERT INTO orders (customer_id, total) VALUES (1, 42.50);

-- The polling-diff source's sample (connectors/20-directory-diff.json): users, groups and memberships kept by an
-- HR application in schema "hr", and the mail accounts an IT application keeps for them in schema "it". The
-- connector merges both into typed objects; neither schema has a timestamp column or a trigger.
CREATE SCHEMA hr;

CREATE TABLE hr.users (
  id         int PRIMARY KEY,
  login      text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name  text NOT NULL,
  hired_on   date NOT NULL
);

CREATE TABLE hr.groups (
  id   int PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE hr.memberships (
  user_id  int NOT NULL,
  group_id int NOT NULL,
  PRIMARY KEY (user_id, group_id)
);

CREATE SCHEMA it;

CREATE TABLE it.accounts (
  user_id int PRIMARY KEY,
  mail    text NOT NULL
);

INSERT INTO hr.users VALUES
  (1, 'ann', 'Ann', 'Archer', '2021-03-01'),
  (2, 'bob', 'Bob', 'Baker', '2022-07-15'),
  (3, 'cid', 'Cid', 'Carter', '2023-01-09');
INSERT INTO hr.groups VALUES (10, 'staff'), (20, 'admins');
INSERT INTO hr.memberships VALUES (1, 10), (2, 10), (3, 10), (1, 20);
INSERT INTO it.accounts VALUES (1, 'ann@example.org'), (2, 'bob@example.org'), (3, 'cid@example.org');
