#!/usr/bin/env bash
# Deploys ProofX to a local anvil the way it is deployed to any chain: `proofx deploy`, the deployer's key in an
# encrypted V3 keystore. Needs `npx forge build` done and `npx anvil --block-time 1` running; RPC_URL and DEPLOYMENTS_DIR override
# the defaults (http://127.0.0.1:8545, deployments/).
set -euo pipefail
cd "$(dirname "$0")/.."
keystores=$(mktemp -d)
trap 'rm -rf "$keystores"' EXIT

# The deployer: anvil's dev account #0 (a public key, local chains only) in a V3 keystore, as `cast wallet import`
# writes one for any key. On a real network, use your own keystore and let proofx ask for the passphrase.
export PROOFX_KEYSTORE_PASSWORD=local-only
npx cast wallet import deployer --keystore-dir "$keystores" --unsafe-password "$PROOFX_KEYSTORE_PASSWORD" \
  --private-key 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 > /dev/null

# --demo trusts the public demo issuer and registers the demo policies: refused on any chain but 31337. On a real
# network: --issuer issuer.json --policy accredited.json (docs/operations.md, "Deploying ProofX").
npm run --silent proofx -- deploy --rpc "${RPC_URL:-http://127.0.0.1:8545}" --keystore "$keystores/deployer" --demo \
  --deployments-dir "${DEPLOYMENTS_DIR:-deployments}"
