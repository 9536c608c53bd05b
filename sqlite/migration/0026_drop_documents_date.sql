-- documents_date (date) duplicated documents_date_order (date = '', date,
-- id) for the dated documents, and each new document's entry went to a
-- random leaf of both (the benchcorpus mix's dates are spread over 20
-- years; a batch of 256 documents dirtied ~200 pages of documents_date at
-- 100k documents). The date range of the listing pages and the date
-- scopes read documents_date_order instead: `(date = '') = FALSE` names its
-- first column, and the range on date its second (a covering index for
-- the scopes, which select the id).
DROP INDEX IF EXISTS documents_date;
