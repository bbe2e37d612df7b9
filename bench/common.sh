# Sourced by the bench scripts (set corpus_arg first): sets here, repo, out and corpus (see below), builds the jar when missing, and installs dockerfile-ast 0.7.1
# from npm into bench/out when asked (with_dockerfile_ast).
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
repo="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
# The corpus: the folder given (the unpacked archive, or any tree of Dockerfiles), else the workplace's archive
# ../shared/corpus/dockerhub-dockerfiles.tar.xz unpacked once into /tmp/whittle-corpus; else a clear error.
corpus="${corpus_arg:-}"
if [ -n "$corpus" ]; then
  if [ ! -d "$corpus" ]; then
    echo "$(basename "${BASH_SOURCE[1]}"): corpus folder $corpus not found (give a folder of Dockerfiles, e.g. the" \
      "unpacked corpus archive)" >&2
    exit 2
  fi
else
  corpus=/tmp/whittle-corpus
  archive="$repo/../shared/corpus/dockerhub-dockerfiles.tar.xz"
  if [ ! -d "$corpus/data" ]; then
    if [ ! -f "$archive" ]; then
      echo "$(basename "${BASH_SOURCE[1]}"): no corpus: give its folder as the argument, or put the archive at" \
        "$archive (it is not part of the repository)" >&2
      exit 2
    fi
    mkdir -p "$corpus"
    tar -xJf "$archive" -C "$corpus"
  fi
fi
[ -f "$repo/target/whittle.jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
with_dockerfile_ast() {
  if [ ! -d "$out/node_modules/dockerfile-ast" ]; then
    (cd "$out" && npm install --silent --no-audit --no-fund dockerfile-ast@0.7.1 >/dev/null)
  fi
}
