#!/usr/bin/env bash
# Mutation check: plants each bug of scripts/mutations.txt, one at a time, in a scratch copy of the project,
# runs the tests that should notice it, and prints "caught" or "SURVIVED". Fails unless every mutation is caught.
#
#   scripts/mutate.sh                 every mutation (make mutate)
#   scripts/mutate.sh NAME…           only these
#
# The scratch copy lives in .build/mutate/ (override with MUTATE_DIR) and keeps its own .build/, so after the
# first run only the mutated module and what depends on it are rebuilt. A mutation whose original text is not
# found exactly once in its file is an error, not a survivor: the list must follow the code it mutates.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
list="$root/scripts/mutations.txt"
scratch=${MUTATE_DIR:-$root/.build/mutate}
logs="$scratch/.build/mutate-logs"

die() { echo "mutate: $*" >&2; exit 2; }

# --- Read the list: blocks of "name:", "file:", "find:", "replace:", "tests:" lines.
names=() files=() finds=() replaces=() filters=()
add_block() {
  [[ -z ${name:-} ]] && return
  [[ -n ${file:-} && -n ${find+x} && -n ${replace+x} && -n ${tests:-} ]] ||
    die "$list: mutation '$name' needs file:, find:, replace: and tests:"
  names+=("$name") files+=("$file") finds+=("$find") replaces+=("$replace") filters+=("$tests")
  unset name file find replace tests
}
while IFS= read -r line || [[ -n $line ]]; do
  case $line in
    name:*)
      add_block
      name=${line#name: }
      [[ $name =~ ^[A-Za-z0-9._-]+$ ]] || die "$list: a name is letters, digits, '.', '_' and '-': $name"
      ;;
    file:*) file=${line#file: } ;;
    find:*) find=${line#find: } ;;
    replace:*) replace=${line#replace:}; replace=${replace# } ;;
    tests:*) tests=${line#tests: } ;;
    '' | '#'*) ;;
    *) die "$list: unexpected line: $line" ;;
  esac
done <"$list"
add_block

selected=()
if (($# == 0)); then
  selected=("${!names[@]}")
else
  for wanted in "$@"; do
    found=
    for i in "${!names[@]}"; do [[ ${names[$i]} == "$wanted" ]] && selected+=("$i") && found=1; done
    [[ -n $found ]] || die "no mutation named '$wanted' in $list"
  done
fi

# --- Copy the working tree (tracked and untracked, not ignored files), keeping modification times.
mkdir -p "$scratch" "$logs"
cd "$root"
git ls-files -co --exclude-standard -z | sort -z >"$logs/files"
tar --null -T "$logs/files" -cf - | tar -xpf - -C "$scratch"
[[ -f Package.resolved ]] && cp -p Package.resolved "$scratch/"
# Remove files deleted from the working tree since the last run.
(cd "$scratch" && find . -path ./.build -prune -o -type f -print0 | sed -z 's|^\./||' | sort -z) |
  comm -z -23 - "$logs/files" | (cd "$scratch" && xargs -0 -r rm -f --)

cd "$scratch"
echo "mutate: building the scratch copy in $scratch"
swift build --build-tests >"$logs/build.log" 2>&1 || { tail -30 "$logs/build.log"; die "the unmutated copy does not build"; }

# Every filter must name tests, and they must pass before anything is planted.
swift test list --skip-build >"$logs/tests.txt" 2>/dev/null || die "cannot list the tests"
union=
for i in "${selected[@]}"; do
  grep -Eq "${filters[$i]}" "$logs/tests.txt" || die "mutation '${names[$i]}': tests '${filters[$i]}' match no test"
  union+="${union:+|}${filters[$i]}"
done
echo "mutate: running the selected tests on the unmutated copy"
swift test --skip-build --filter "$union" >"$logs/baseline.log" 2>&1 ||
  { grep -E '✘|error' "$logs/baseline.log" | head -20; die "the tests fail without any mutation ($logs/baseline.log)"; }

# --- Plant each mutation, build, test, restore.
replace_once() { # file find replace: exactly one occurrence, else exit 3
  FIND=$2 REPLACE=$3 perl -0777 -i -pe '
    BEGIN { $f = $ENV{FIND}; $r = $ENV{REPLACE} }
    $n = () = /\Q$f\E/g;
    if ($n != 1) { print STDERR "found $n times\n"; exit 3 }
    s/\Q$f\E/$r/' "$1"
}

caught=0 survived=0 failed=0
for i in "${selected[@]}"; do
  name=${names[$i]} file=${files[$i]}
  [[ -f $file ]] || { echo "ERROR     $name: $file does not exist"; failed=$((failed + 1)); continue; }
  if ! replace_once "$file" "${finds[$i]}" "${replaces[$i]}" 2>"$logs/$name.log"; then
    echo "ERROR     $name: original text $(cat "$logs/$name.log") in $file: ${finds[$i]}"
    failed=$((failed + 1))
    continue
  fi
  if ! swift build --build-tests >"$logs/$name.log" 2>&1; then
    echo "ERROR     $name: the mutated code does not compile ($logs/$name.log)"
    failed=$((failed + 1))
  elif swift test --skip-build --filter "${filters[$i]}" >"$logs/$name.log" 2>&1; then
    echo "SURVIVED  $name ($file; tests ${filters[$i]})"
    survived=$((survived + 1))
  else
    failing=$(grep -oE '^✘ Test [^ (]+' "$logs/$name.log" | cut -d' ' -f3 | sort -u | paste -sd' ' || true)
    echo "caught    $name by: $failing"
    caught=$((caught + 1))
  fi
  cp "$root/$file" "$file"
done

echo "mutate: $caught caught, $survived survived, $failed errors (logs: $logs)"
((survived == 0 && failed == 0))
