-- Trigram matching makes search typo-tolerant; it ships with PostgreSQL contrib and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
