-- 0002_import: pages of paged sources (PDF), so a quote from a document can cite its page.
-- `start`/`end` are UTF-16 offsets into documents.text, half-open like every range; `label` is the
-- page number printed on the page when the PDF says it differs from the page's position ("iv", "12").

CREATE TABLE document_pages (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  label TEXT,
  start INTEGER NOT NULL CHECK (start >= 0),
  end INTEGER NOT NULL CHECK (end >= start),
  PRIMARY KEY (document_id, page)
) STRICT;
CREATE INDEX document_pages_range ON document_pages(document_id, start);
