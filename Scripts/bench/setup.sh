#!/usr/bin/env bash
# Installs the peers that compare.py times against PlanScope. Idempotent: a tool
# already on PATH is left as it is. Run once per machine, as root; never from the tests.
set -euo pipefail

apt_packages=()
command -v sqlite3 >/dev/null || apt_packages+=(sqlite3)
command -v mlr >/dev/null || apt_packages+=(miller)
command -v lua5.4 >/dev/null || apt_packages+=(lua5.4)
[ -x /usr/bin/time ] || apt_packages+=(time)
if [ ${#apt_packages[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}"
fi

# duckdb-cli ships the `duckdb` binary itself; polars and pandas are the dataframe peers.
py_packages=()
command -v duckdb >/dev/null || py_packages+=(duckdb-cli)
python3 -c 'import polars' 2>/dev/null || py_packages+=(polars)
python3 -c 'import pandas' 2>/dev/null || py_packages+=(pandas)
if [ ${#py_packages[@]} -gt 0 ]; then
    python3 -m pip install --quiet "${py_packages[@]}"
fi

echo "duckdb  $(duckdb --version)"
echo "polars  $(python3 -c 'import polars; print(polars.__version__)')"
echo "pandas  $(python3 -c 'import pandas; print(pandas.__version__)')"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "mlr     $(mlr --version)"
echo "lua     $(lua5.4 -v)"
