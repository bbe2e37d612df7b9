#!/usr/bin/env bash
# Hostile inputs: generates each one (under bench/out/hostile/, never committed), runs whittle on it with a
# 60 s timeout and prints the exit code, wall time and peak memory (GNU time's maximum resident set size, JVM
# included) per input. The targets: every input under 2 s and 512 MB, none with exit 4 (an internal error)
# or a hang. Then one batch over all of them: every input reported, the batch goes on, exit 2 at the end.
# Usage: bench/hostile.sh            (needs /usr/bin/time, mkfifo; the jar is built when missing)
set -euo pipefail
# shellcheck source=bench/common.sh
corpus_arg=none # no corpus needed
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
h="$out/hostile"
limit="${TIMEOUT:-60}"
rm -rf "$h"
mkdir -p "$h"

# repeat STRING N: STRING N times, no separator
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
# one Dockerfile per input folder: FROM, then the body given on stdin
put() { mkdir -p "$h/$1"; { printf 'FROM debian:bookworm-slim\n'; cat; } > "$h/$1/Dockerfile"; }

# $( nested 18 deep: 74 bytes; exponential in the shell lexer before the depth guard (and 10 deep: the most allowed)
{ printf 'RUN echo '; repeat '$(' 18; repeat ')' 18; printf '\n'; } | put subst-nested-18
{ printf 'RUN echo '; repeat '$(' 10; repeat ')' 10; printf '\n'; } | put subst-nested-10
{ printf 'RUN echo "'; repeat '$(echo "' 4; repeat '")' 4; printf '"\n'; } | put subst-quoted-4
{ printf 'RUN echo '; repeat '$(' 18; printf '\n'; } | put subst-unclosed-18
{ printf 'RUN echo "'; repeat '$(echo "' 18; repeat '")' 18; printf '"\n'; } | put subst-quoted-18
# ${a:- nested 500 deep
{ printf 'RUN echo '; repeat '${a:-' 500; printf 'x'; repeat '}' 500; printf '\n'; } | put param-nested-500
# 8,000 RUN lines (merge-runs)
{ for i in $(seq 8000); do printf 'RUN echo %d\n' "$i"; done; } | put runs-8000
# 50,000 nested if (a logical line of 634 KB), and 5,000 (70 KB)
{ printf 'RUN '; repeat "$(repeat 'if :;then ' 100)\\\\\\n" 500; printf 'true'; repeat "$(repeat ';fi' 100)\\\\\\n" 500
  printf '\n'; } | put if-nested-50k
{ printf 'RUN '; repeat 'if true; then \\\n' 5000; printf 'true'; repeat '; fi \\\n' 5000; printf '\n'; } | put if-nested-5k
# 200,000 ( and [ (continuation lines every 1,000 characters)
{ printf 'RUN '; repeat "$(repeat '(' 1000)\\\\\\n" 200; printf 'true'; repeat "$(repeat ')' 1000)\\\\\\n" 200; printf '\n'; } \
  | put paren-200k
{ printf 'RUN '; repeat "$(repeat '(' 1000)\\\\\\n" 60; printf 'true'; repeat "$(repeat ')' 1000)\\\\\\n" 60; printf '\n'; } \
  | put paren-60k
{ printf 'CMD '; repeat "$(repeat '[' 1000)\\\\\\n" 200; printf '\n'; } | put bracket-200k
{ printf 'RUN echo '; repeat "$(repeat '[' 1000)\\\\\\n" 200; printf '\n'; } | put bracket-run-200k
# a 5.5 MB && chain, one command per physical line
{ printf 'RUN true'; repeat ' \\\n && true' 500000; printf '\n'; } | put and-chain-5.5mb
# forward-referring ENV lines: each value names the next one twice (2^40 characters if expanded in order)
{ for i in $(seq 0 39); do printf 'ENV v%d=${v%d}${v%d}\n' "$i" $((i + 1)) $((i + 1)); done
  printf 'ENV v40=x\nWORKDIR /app/$v0\nCMD ["/app/run"]\n'; } | put env-forward-40
# files of 1 MB, the most whittle reads: one-byte comment lines, and 170,000 RUN lines of one command each
{ repeat '#\n' 520000; printf 'RUN true\n'; } | put comments-1mb
{ repeat 'RUN a\n' 170000; } | put runs-170k
# a line of 65,535 bytes (BuildKit's limit) and heredocs by the thousand
{ printf 'RUN echo %s\n' "$(repeat a 65526)"; } | put line-64k
{ for i in $(seq 5000); do printf 'RUN <<EOF%d\necho %d\nEOF%d\n' "$i" "$i" "$i"; done; } | put heredocs-5000
# a Go program whose source is 100,000 newlines (the build context is read by the stage split)
mkdir -p "$h/go-newlines-100k"
printf 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n' > "$h/go-newlines-100k/Dockerfile"
{ printf 'package main\n'; repeat '\n' 100000; printf 'func main() {}\n'; } > "$h/go-newlines-100k/main.go"
printf 'module example.com/x\n\ngo 1.22\n' > "$h/go-newlines-100k/go.mod"
# special files: a FIFO given directly; a FIFO, a dangling link and a link loop inside a walked tree
mkdir -p "$h/fifo-direct" "$h/specials-walked"
mkfifo "$h/fifo-direct/Dockerfile"
mkfifo "$h/specials-walked/Dockerfile"
ln -s nowhere "$h/specials-walked/Dockerfile.dangling"
ln -s Dockerfile.loop "$h/specials-walked/Dockerfile.loop"
# argument files: a FIFO nobody writes to, and a 1 GB sparse file of NUL bytes (what @/dev/zero gives)
mkdir -p "$h/argfiles"
mkfifo "$h/argfiles/fifo"
truncate -s 1G "$h/argfiles/zeros"

median_ms() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
printf '| input | size | exit | wall | CPU | peak memory | what whittle said |\n|---|---|---|---|---|---|---|\n'
row() { # row NAME SIZE ARGS...: one run, TIMEOUT seconds at most (default 60)
  local name=$1 size=$2; shift 2
  local code=0
  /usr/bin/time -f '%e %U %S %M' -o "$h/time" timeout "$limit" "$repo/whittle" "$@" > "$h/stdout" 2> "$h/stderr" \
    < /dev/null || code=$?
  local secs user sys kb said
  read -r secs user sys kb < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$h/time" | tail -1)
  # what it said: the first error, else the last line (changes are path:line: [pass] ...)
  said=$(grep -vE '^Command exited|: \[[a-z-]+\] ' "$h/stderr" | grep -m1 -E 'not |cannot|error|refused|skipped' \
    || grep -vE '^Command exited' "$h/stderr" | tail -1 || true)
  said=$(echo "$said" | sed "s|$h/||g; s/|/\\\\|/g" | cut -c1-120)
  [ "$code" = 124 ] && said="TIMEOUT after $limit s"
  printf '| %s | %s | %s | %s s | %.2f s | %d MB | %s |\n' "$name" "$size" "$code" "$secs" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" $((kb / 1024)) "$said"
}
size_of() { du -sb --apparent-size "$1" | cut -f1 | awk '{ if ($1 >= 1048576) printf "%.1f MB", $1/1048576;
  else if ($1 >= 1024) printf "%.0f KB", $1/1024; else printf "%d B", $1 }'; }
for d in subst-nested-18 subst-unclosed-18 subst-quoted-18 param-nested-500 subst-nested-10 subst-quoted-4 runs-8000 \
         if-nested-50k if-nested-5k paren-200k paren-60k bracket-200k bracket-run-200k and-chain-5.5mb env-forward-40 \
         comments-1mb runs-170k line-64k heredocs-5000 go-newlines-100k; do
  row "$d" "$(size_of "$h/$d/Dockerfile")" optimize --diff --level aggressive "$h/$d/Dockerfile"
done
row "fifo-direct" "FIFO" optimize --diff "$h/fifo-direct/Dockerfile"
row "specials-walked" "FIFO, 2 links" batch --no-progress "$h/specials-walked"
row "argfile-fifo" "FIFO" parse --roundtrip "@$h/argfiles/fifo"
row "argfile-1gb-zeros" "1.0 GB" parse --roundtrip "@$h/argfiles/zeros"
rm -f "$h/argfiles/zeros"
row "batch over all" "$(size_of "$h")" batch --no-progress --level aggressive "$h"
