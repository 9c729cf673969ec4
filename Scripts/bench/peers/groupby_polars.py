"""polars peer of the group-by benchmark: groupby_polars.py INPUT OUTPUT (lazy scan)."""

import sys

import polars as pl

SCHEMA = {
    "period": pl.String, "province": pl.String, "county": pl.String, "measure": pl.Int64,
    "metric": pl.String, "value": pl.Float64, "target": pl.Int64, "status": pl.String,
}

source, destination = sys.argv[1], sys.argv[2]
(
    pl.scan_csv(source, schema=SCHEMA)
    .filter(pl.col("period") == "2013Q4")
    .group_by("province", "measure")
    .agg(
        count=pl.col("value").count(),
        sum=pl.col("value").sum(),
        mean=pl.col("value").mean(),
    )
    .sort("province", "measure")
    .collect()
    .write_csv(destination)
)
