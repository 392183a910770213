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
  # Another apt process (unattended upgrades, a second shell) may hold a lock. dpkg's lock is
  # waited for by apt itself (DPkg::Lock::Timeout); the package lists' lock is not, so the update
  # is retried every 5 s for up to 10 minutes, saying what it waits for. Other failures (network)
  # are retried 3 times.
  LOCK=(-o DPkg::Lock::Timeout=600)
  apt_update() {
    local waited=0 failures=0 out start=$SECONDS
    while ! out=$($SUDO apt-get "${LOCK[@]}" update -qq 2>&1); do
      if grep -q "Could not get lock" <<<"$out" && [ "$waited" -lt 600 ]; then
        [ "$waited" -eq 0 ] && echo "waiting for the apt lock ($(grep -m1 'Could not get lock' <<<"$out" | sed 's/^E: //'); up to 10 minutes)" >&2
        sleep 5; waited=$((waited + 5))
      elif [ "$failures" -lt 2 ]; then
        failures=$((failures + 1))
        echo "apt-get update failed (attempt $failures of 3); retrying in 20 s" >&2; sleep 20
      else
        echo "$out" >&2; return 1
      fi
    done
    if [ "$waited" -gt 0 ]; then echo "the apt lock was free after $((SECONDS - start)) s" >&2; fi
    return 0
  }
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${LOCK[@]}" install -y -qq "${need[@]}"
fi
echo "system deps ok: $(command -v chromium) $(command -v chromedriver) $(command -v mvn)"
