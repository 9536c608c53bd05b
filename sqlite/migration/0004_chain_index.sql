-- Reuse chains (copies of one article, containment >= 0.5) are followed
-- from every document a claim list touches. Most pairs are partial reuse
-- below that line, so covering partial indexes of the chain pairs alone
-- keep the walk to a few small index reads per document. The 0.5 here and
-- in the queries is minChainContainment.
CREATE INDEX reuse_chain_a ON reuse_pairs(doc_a, doc_b, containment) WHERE containment >= 0.5;
CREATE INDEX reuse_chain_b ON reuse_pairs(doc_b, doc_a, containment) WHERE containment >= 0.5;
