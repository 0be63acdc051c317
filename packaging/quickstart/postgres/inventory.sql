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
