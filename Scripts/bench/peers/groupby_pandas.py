"""pandas peer of the group-by benchmark: groupby_pandas.py INPUT OUTPUT (C parser)."""

import sys

import pandas as pd

DTYPES = {"period": "string", "province": "string", "measure": "int64", "value": "float64"}

source, destination = sys.argv[1], sys.argv[2]
# usecols is the idiomatic pandas shortcut, as projection pushdown is for DuckDB and polars.
frame = pd.read_csv(source, usecols=list(DTYPES), dtype=DTYPES)
result = (
    frame[frame["period"] == "2013Q4"]
    .groupby(["province", "measure"], sort=True)["value"]
    .agg(["count", "sum", "mean"])
    .reset_index()
)
result.to_csv(destination, index=False)
