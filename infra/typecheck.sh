#!/usr/bin/env bash
# Typecheck sst.config.ts, infra/*.ts and sst-env.d.ts against SST's own types.
# On a clean clone .sst/ does not exist: `sst install` (no AWS needed, only the npm
# registry; ~25-45 s) writes .sst/platform/config.d.ts first. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

want="$(node -p 'require("./node_modules/sst/package.json").version')"
have="$(cat .sst/platform/version 2>/dev/null || true)"
if [[ ! -f .sst/platform/config.d.ts || "$have" != "$want" ]]; then
  echo "infra: installing SST $want platform types into .sst/ (offline-safe) ..."
  SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 npx sst install --stage dev
fi

npx tsc -p infra/tsconfig.json
echo "infra: typecheck ok"
