#!/usr/bin/env bash
# City Spirit Awards: the two commands.
#   ./build.sh run          run the site in embedded mode (no servers needed)
#   ./build.sh test         install what the tests need, build in Release, run every test, print "N passed, N failed"
#   ./build.sh bench        the public-voting load benchmark (bench/README.md); options after it, e.g. --voters 300
#   ./build.sh bench scale  the city-scale benchmark (bench/README.md); options after it, e.g. --sizes 10000,100000
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
readonly RESULTS=.artifacts/test-results
readonly AZURITE_BLOB_BIN=infra/local/node_modules/.bin/azurite-blob

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

usage() {
  sed -n '2,6s/^# \{0,1\}//p' "$0"
  exit 2
}

log() { printf '==> %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: '$*' needs root. Run ./build.sh test as root, install sudo, or install the package yourself." >&2
    exit 1
  fi
}

APT_UPDATED=
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $* is missing and this machine has no apt-get; install it yourself and retry." >&2
    exit 1
  fi
  if [[ -z $APT_UPDATED ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

postgres_bin() {
  if [[ -n ${PG_BIN:-} && -x ${PG_BIN}/initdb ]]; then
    echo "$PG_BIN"
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $newest && -x $newest/initdb ]]; then
    echo "$newest"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install_test_prerequisites() {
  install_server_prerequisites
  if [[ ! -x /usr/bin/chromium ]]; then
    log "installing Chromium"
    apt_install chromium
  fi
  # Without a CJK font, Chromium draws the Chinese pages as empty boxes in screenshots.
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    log "installing a Chinese font for the browser tests"
    apt_install fonts-noto-cjk fontconfig
  fi
}

# The test fixtures start PostgreSQL and Azurite in /tmp/csa-pg-* and /tmp/csa-azurite-* and write the id of
# the test process that owns them into owner.pid. Stop the ones whose owner is gone (a run that was killed).
stop_leftover_servers() {
  local roots=(/tmp) root dir owner pid bin
  if [[ -n ${TMPDIR:-} && ${TMPDIR%/} != /tmp ]]; then roots+=("${TMPDIR%/}"); fi
  for root in "${roots[@]}"; do
    for dir in "$root"/csa-pg-* "$root"/csa-azurite-*; do
      [[ -d $dir && -f $dir/owner.pid ]] || continue
      owner=$(<"$dir/owner.pid")
      [[ $owner =~ ^[0-9]+$ ]] || continue
      [[ -d /proc/$owner ]] && continue # still running
      log "stopping a server left over by an aborted test run: $dir"
      if [[ -f $dir/data/postmaster.pid ]] && bin=$(postgres_bin) && [[ -n $bin ]]; then
        if [[ $EUID -eq 0 ]]; then
          runuser -u postgres -- "$bin/pg_ctl" stop -D "$dir/data" -m immediate >/dev/null 2>&1 || true
        else
          "$bin/pg_ctl" stop -D "$dir/data" -m immediate >/dev/null 2>&1 || true
        fi
      fi
      if [[ -f $dir/azurite.pid ]]; then
        pid=$(<"$dir/azurite.pid")
        if [[ $pid =~ ^[0-9]+$ ]] && grep -q azurite "/proc/$pid/cmdline" 2>/dev/null; then
          kill "$pid" 2>/dev/null || true
        fi
      fi
      rm -rf "$dir"
    done
  done
}

# Sums the counters of every TRX file; prints "N passed, N failed[, N skipped]" and returns non-zero
# if a test failed or none ran.
summarize_results() {
  local passed=0 failed=0 skipped=0 files=0 file counters
  counter() {
    local value
    value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
    echo "${value:-0}"
  }
  for file in "$RESULTS"/*.trx; do
    [[ -f $file ]] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
    passed=$((passed + $(counter passed)))
    failed=$((failed + $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
    skipped=$((skipped + $(counter notExecuted)))
  done
  local summary="$passed passed, $failed failed"
  if ((skipped > 0)); then summary+=", $skipped skipped"; fi
  echo "$summary"
  if ((files == 0)); then
    echo "error: no test results were written to $RESULTS" >&2
    return 1
  fi
  ((failed == 0 && passed > 0))
}

run_tests() {
  install_test_prerequisites
  stop_leftover_servers

  log "building (Release)"
  dotnet build CitySpiritAwards.sln -c Release

  log "testing"
  rm -rf "$RESULTS"
  local status=0
  # One test assembly at a time (-m:1): each starts silos and servers, and two cores are better spent
  # on one assembly's tests than on several assemblies starving each other's Orleans timers.
  dotnet test CitySpiritAwards.sln -c Release --no-build -m:1 \
    --logger "console;verbosity=normal" --logger trx --results-directory "$RESULTS" || status=$?

  local verdict=0
  summarize_results || verdict=$?
  if ((status != 0 && verdict == 0)); then
    echo "error: dotnet test exited with $status" >&2
    verdict=$status
  fi
  return "$verdict"
}

# The SDK, PostgreSQL and Azurite, which the tests and the benchmark start themselves on 127.0.0.1.
install_server_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK (dotnet) is not installed; see https://dot.net." >&2
    exit 1
  fi
  if [[ -z $(postgres_bin) ]]; then
    log "installing the PostgreSQL server"
    apt_install postgresql
  fi
  if [[ ! -x $AZURITE_BLOB_BIN ]]; then
    if ! command -v npm >/dev/null 2>&1; then
      log "installing Node.js and npm"
      apt_install nodejs npm
    fi
    log "installing Azurite into infra/local"
    npm ci --prefix infra/local --no-audit --no-fund
  fi
}

# "bench …" runs the public-voting benchmark, "bench scale …" the city-scale one (both in bench/CitySpiritAwards.Bench).
run_bench() {
  install_server_prerequisites # the benchmarks need no browser
  stop_leftover_servers
  log "building (Release)"
  dotnet build CitySpiritAwards.sln -c Release
  mkdir -p .artifacts/bench
  local output name=bench duration="a few minutes"
  if [[ ${1:-} == scale ]]; then
    name=scale duration="about 20 minutes at the default sizes; the report also in .artifacts/bench/scale-*.md"
  fi
  output=.artifacts/bench/$name-$(date -u +%Y%m%dT%H%M%SZ).log
  log "benchmarking ($duration; output also in $output)"
  dotnet run --project bench/CitySpiritAwards.Bench -c Release --no-build -- "$@" 2>&1 | tee "$output"
  return "${PIPESTATUS[0]}"
}

case "${1:-}" in
  run)
    shift
    exec dotnet run --project src/CitySpiritAwards.Web "$@"
    ;;
  test)
    run_tests
    ;;
  bench)
    shift
    run_bench "$@"
    ;;
  *)
    usage
    ;;
esac
