-- 0005_people: typed attributes of informants and cases ("Age", "Role", "Municipality size",
-- "Interview date"), edited in a spreadsheet-like table and used as matrix columns.
-- Values are canonical strings (see shared/attributes/values.ts): numbers as "3.5", dates as
-- "YYYY-MM-DD", choices spelled as the definition lists them; no row = no value.

CREATE TABLE attributes (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('informant', 'case')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),
  -- A JSON array of the allowed values of a choice attribute, in display order.
  choices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices) AND json_type(choices) = 'array'),
  memo TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX attributes_scope ON attributes(scope, sort_order);

CREATE TABLE informant_values (
  informant_id TEXT NOT NULL REFERENCES informants(id) ON DELETE CASCADE,
  attribute_id TEXT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value TEXT NOT NULL CHECK (length(value) > 0),
  PRIMARY KEY (informant_id, attribute_id)
) STRICT;
CREATE INDEX informant_values_attribute ON informant_values(attribute_id);

CREATE TABLE case_values (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  attribute_id TEXT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value TEXT NOT NULL CHECK (length(value) > 0),
  PRIMARY KEY (case_id, attribute_id)
) STRICT;
CREATE INDEX case_values_attribute ON case_values(attribute_id);

-- Attribution (electron/backend/analysis/attribution.ts) finds the speakers of the turns a coding
-- overlaps; these make "which informant speaks where" cheap.
CREATE INDEX speakers_informant_document ON speakers(informant_id, document_id);
