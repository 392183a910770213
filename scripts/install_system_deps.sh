#!/usr/bin/env bash
# System packages the test suite needs: headless Chromium + its driver (browser view test),
# a JDK and Maven (to fetch and run Neo4j Community from Maven Central).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # another apt process (unattended upgrades, a second shell) may hold the dpkg lock: wait for
  # it up to 10 minutes instead of failing at once
  LOCK=(-o DPkg::Lock::Timeout=600)
  for attempt in 1 2 3; do
    $SUDO apt-get "${LOCK[@]}" update -qq && break
    echo "apt-get update failed (attempt $attempt of 3); retrying in 20 s" >&2; sleep 20
  done
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${LOCK[@]}" install -y -qq "${need[@]}"
fi
echo "system deps ok: $(command -v chromium) $(command -v chromedriver) $(command -v mvn)"
