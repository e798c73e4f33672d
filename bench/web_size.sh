#!/usr/bin/env bash
# Sizes of the built web interface as a browser downloads them (gzip copies
# are what planflow sends to browsers that accept gzip). Run after scripts/build.sh.
set -euo pipefail
dir=${1:-build/web}
printf '| file | bytes | gzip bytes |\n|---|---:|---:|\n'
total=0
for f in "$dir"/index.html "$dir"/assets/*.js "$dir"/assets/*.css "$dir"/assets/*.woff2; do
  raw=$(stat -c %s "$f")
  gz=$(if [[ -f $f.gz ]]; then stat -c %s "$f.gz"; else gzip -9c "$f" | wc -c; fi)
  [[ $f == *.woff2 ]] && gz=$raw  # already compressed
  total=$((total + gz))
  printf '| %s | %d | %d |\n' "${f#"$dir"/}" "$raw" "$gz"
done
printf '| **first visit, all of the above** | | **%d** |\n' "$total"
