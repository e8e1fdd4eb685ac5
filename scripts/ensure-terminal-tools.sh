#!/usr/bin/env bash
# The terminal tests (npm test -- --project terminal) run the real kubectl against the project's fake
# API server and drive the runner in tmux. Installs what is missing with apt-get: Debian's kubectl is
# the kubernetes-client package. Where neither can be installed the tests that need them skip, saying so.
set -euo pipefail
missing=()
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The terminal tests need ${missing[*]}: install them with your package manager (they skip without)." >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} for the terminal tests (apt-get install)..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
