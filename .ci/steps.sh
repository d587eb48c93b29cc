# Sourced by .ci/windows and .ci/arm64, which run laurel built for another platform through
# an editor's flows. Needs $work (a scratch folder) and $started (the script's $SECONDS at start).

passed=0
failed=0
# step NAME COMMAND...: runs one flow, its output kept for the report when it fails.
step() {
  local name=$1 log=$work/step.log t=$SECONDS
  shift
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "ok    $name ($((SECONDS - t)) s)"
  else
    failed=$((failed + 1))
    echo "FAIL  $name ($((SECONDS - t)) s)"
    tail -n 40 "$log" | sed 's/^/      /'
  fi
}

# Two trees equal, file for file and byte for byte.
same_tree() {
  diff -r --brief "$1" "$2"
}

# finish NAME: the time taken and `N passed, M failed` last; fails on any failure.
finish() {
  echo "$1: $((SECONDS - started)) s in all"
  echo "$passed passed, $failed failed"
  ((failed == 0))
}
