#!/usr/bin/env bash
# A clean clone on a machine without the Debian packages of scripts/provision/system-tools.mjs, staged on
# this one without touching it: in a private mount namespace /usr, /etc and /var are overlays (every write
# lands in a temp dir), dpkg forgets the packages and their programs are hidden. Then the README's commands
# run for real: `npm ci` (whose postinstall apt-installs the packages) and then "$@" (default: npm test).
# Needs root.   bash scripts/provision/fresh-machine-check.sh [command...]      e.g. ... npm run demo
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
scratch=$(mktemp -d /tmp/proofx-fresh.XXXX)
list() { node --input-type=module -e "import { systemTools } from '$repo/scripts/provision/system-tools.mjs'; console.log(systemTools.map((t) => t.$1).join(' '))"; }
tools=$(list command)
# The packages, and whatever provides the programs here (kubectl may come from another package than Debian's).
forget=$(list debianPackage)
for t in $tools; do
  p=$(command -v "$t") || continue
  for f in "$p" "$(readlink -f "$p")"; do forget+=" $(dpkg -S "$f" 2>/dev/null | cut -d: -f1 || true)"; done
done
forget=$(echo $forget | tr ' ' '\n' | sort -u | tr '\n' ' ')
[ $# -gt 0 ] || set -- npm test
echo "fresh-machine check of $commit in $scratch: npm ci, then $*"
exec unshare --mount --propagation private bash -euo pipefail -c '
  scratch=$1 repo=$2 commit=$3 tools=$4 forget=$5; shift 5
  for d in usr etc var; do
    mkdir -p "$scratch/$d/upper" "$scratch/$d/work"
    mount -t overlay overlay -o "lowerdir=/$d,upperdir=$scratch/$d/upper,workdir=$scratch/$d/work" "/$d"
  done
  # dpkg forgets the packages (their status stanzas go) and their programs vanish.
  awk -v forget=" $forget " '\''BEGIN { RS = ""; ORS = "\n\n" } { split($0, l, "\n"); sub(/^Package: /, "", l[1]); if (index(forget, " " l[1] " ") == 0) print }'\'' /var/lib/dpkg/status > "$scratch/status"
  cat "$scratch/status" > /var/lib/dpkg/status
  for t in $tools; do while p=$(command -v "$t"); do rm -f "$p"; hash -r; done; done
  for t in $tools; do ! command -v "$t" >/dev/null || { echo "$t still present"; exit 1; }; done
  echo "staged: none of [$tools]; dpkg forgot [$forget]"
  git clone -q "$repo" "$scratch/clone" && cd "$scratch/clone" && git checkout -q "$commit"
  export CI=true
  npm ci --no-audit --no-fund </dev/null
  for t in $tools; do command -v "$t"; done
  "$@" </dev/null
' _ "$scratch" "$repo" "$commit" "$tools" "$forget" "$@"
