#!/usr/bin/env bash
# The browser tests (org.onlabel.web.WebJourneyTest) drive Debian's chromium through its chromedriver. This
# installs both with apt-get when they are missing; the build runs it before the tests, and .ci/run does too.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get > /dev/null; then
  echo "ensure-chromium: /usr/bin/chromium or /usr/bin/chromedriver is missing and this is not root on a Debian-like" \
       "system; install the packages chromium and chromium-driver, then run the build again" >&2
  exit 1
fi
echo "ensure-chromium: installing chromium and chromium-driver with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium chromium-driver
