-- DuckDB peer of the group-by benchmark. compare.py fills in {input} and {output}
-- and runs it with `duckdb -c`. Column types are given so no peer infers them.
COPY (
    SELECT province, measure,
           count(value) AS count, sum(value) AS sum, avg(value) AS mean
    FROM read_csv('{input}', header = true, columns = {
        'period': 'VARCHAR', 'province': 'VARCHAR', 'county': 'VARCHAR',
        'measure': 'BIGINT', 'metric': 'VARCHAR', 'value': 'DOUBLE',
        'target': 'BIGINT', 'status': 'VARCHAR'})
    WHERE period = '2013Q4'
    GROUP BY province, measure
    ORDER BY province, measure
) TO '{output}' (HEADER, DELIMITER ',');
