#!/usr/bin/env bash
# A clean clone on a machine without Debian's chromium, prometheus and kubectl, staged on this one without
# touching it: in a private mount namespace /usr, /etc and /var are overlays (every write lands in a temp
# dir), dpkg forgets the packages and their programs are hidden. Then the README's commands run for real:
# `npm ci` (whose postinstall apt-installs the packages) and then "$@" (default: npm test). Needs root.
#   bash scripts/provision/fresh-machine-check.sh [command...]      e.g. ... npm run demo
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
scratch=$(mktemp -d /tmp/proofx-fresh.XXXX)
forget='chromium chromium-common chromium-sandbox chromium-driver prometheus kubectl kubernetes-client'
[ $# -gt 0 ] || set -- npm test
echo "fresh-machine check of $commit in $scratch: npm ci, then $*"
exec unshare --mount --propagation private bash -euo pipefail -c '
  scratch=$1 repo=$2 commit=$3 forget=$4; shift 4
  for d in usr etc var; do
    mkdir -p "$scratch/$d/upper" "$scratch/$d/work"
    mount -t overlay overlay -o "lowerdir=/$d,upperdir=$scratch/$d/upper,workdir=$scratch/$d/work" "/$d"
  done
  # dpkg forgets the packages (their status stanzas go) and their programs vanish from /usr/bin.
  awk -v forget=" $forget " '\''BEGIN { RS = ""; ORS = "\n\n" } { split($0, l, "\n"); sub(/^Package: /, "", l[1]); if (index(forget, " " l[1] " ") == 0) print }'\'' /var/lib/dpkg/status > "$scratch/status"
  cat "$scratch/status" > /var/lib/dpkg/status
  rm -f /usr/bin/chromium /usr/bin/promtool /usr/bin/kubectl
  for t in chromium promtool kubectl; do ! command -v $t >/dev/null || { echo "$t still present"; exit 1; }; done
  for p in $forget; do ! dpkg -s $p >/dev/null 2>&1 || { echo "dpkg still knows $p"; exit 1; }; done
  echo "staged: no chromium, promtool, kubectl; dpkg knows none of: $forget"
  git clone -q "$repo" "$scratch/clone" && cd "$scratch/clone" && git checkout -q "$commit"
  export CI=true
  npm ci --no-audit --no-fund </dev/null
  for t in chromium promtool kubectl; do command -v $t; done
  "$@" </dev/null
' _ "$scratch" "$repo" "$commit" "$forget" "$@"
