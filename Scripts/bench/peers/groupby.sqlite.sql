-- SQLite peer of the group-by benchmark. compare.py fills in {input} and {output}
-- and feeds it to `sqlite3 :memory:` on standard input.
-- .import stores an empty field as '' rather than NULL, hence NULLIF in the query.
CREATE TABLE progress(
    period TEXT, province TEXT, county TEXT, measure INTEGER,
    metric TEXT, value REAL, target INTEGER, status TEXT);
.import --csv --skip 1 '{input}' progress
.headers on
.mode csv
.once '{output}'
SELECT province, measure,
       count(NULLIF(value, '')) AS count, sum(NULLIF(value, '')) AS sum,
       avg(NULLIF(value, '')) AS mean
FROM progress
WHERE period = '2013Q4'
GROUP BY province, measure
ORDER BY province, measure;
