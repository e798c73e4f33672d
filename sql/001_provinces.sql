-- Thailand's provinces; the 77 rows are seeded by 002. Codes are ISO 3166-2:TH.
-- Migrations use {{id}}, {{table_options}} and {{long_text}} for what SQLite
-- and MySQL spell differently, and IF NOT EXISTS so a MySQL re-run is safe.
CREATE TABLE IF NOT EXISTS provinces (
  code VARCHAR(8) NOT NULL PRIMARY KEY,
  name_th VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  region VARCHAR(20) NOT NULL
) {{table_options}};
