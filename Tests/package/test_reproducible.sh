#!/usr/bin/env bash
# Proves that packaging is reproducible: packaging the same tree again (reusing its release binary)
# gives byte-identical artifacts to those in dist/.
#
#   bash Tests/package/test_reproducible.sh     (after scripts/package)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
ls dist/igloo-*-linux-*.tar.gz dist/igloo_*.deb >/dev/null 2>&1 ||
  { echo "FAIL reproducible: no artifacts in dist/ (run scripts/package)" >&2; exit 1; }
again=$(mktemp -d)
trap 'rm -rf "$again"' EXIT
IGLOO_DIST="$again" scripts/package --no-build 2>/dev/null
status=0
for f in dist/igloo-*-linux-*.tar.gz dist/igloo_*.deb; do
  if cmp -s "$f" "$again/$(basename "$f")"; then
    echo "ok   reproducible: $(basename "$f") ($(sha256sum "$f" | cut -c1-16)…)"
  else
    echo "FAIL reproducible: a second packaging gives other bytes for $(basename "$f")" >&2
    status=1
  fi
done
exit $status
