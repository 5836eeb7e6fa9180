#!/usr/bin/env bash
# Rebuilds customers.sqlite from customers.sql (the one source of the sample's customer rows).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
rm -f customers.sqlite.new
sqlite3 customers.sqlite.new <customers.sql
mv customers.sqlite.new customers.sqlite
echo "customers.sqlite: $(sqlite3 customers.sqlite 'SELECT count(*) FROM customers') rows"
