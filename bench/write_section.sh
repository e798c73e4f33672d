#!/usr/bin/env bash
# write_section.sh NAME < text: replaces the block between
# <!-- NAME:begin --> and <!-- NAME:end --> in bench/RESULTS.md (appending it
# the first time), so each benchmark rewrites only its own results and the
# notes written by hand around them stay.
set -euo pipefail
name=$1
file="$(dirname "$0")/RESULTS.md"
new=$(mktemp)
{ echo "<!-- $name:begin -->"; cat; echo "<!-- $name:end -->"; } >"$new"
[[ -f "$file" ]] || printf '# Benchmark results\n\n' >"$file"
if grep -q "<!-- $name:begin -->" "$file"; then
  python3 - "$file" "$name" "$new" <<'PY'
import sys, re
path, name, new = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(path).read()
pattern = re.compile(r"<!-- %s:begin -->.*?<!-- %s:end -->\n?" % (re.escape(name), re.escape(name)), re.S)
open(path, "w").write(pattern.sub(lambda m: new, text, count=1))
PY
else
  { echo; cat "$new"; } >>"$file"
fi
rm -f "$new"
