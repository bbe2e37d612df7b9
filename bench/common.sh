# Sourced by the bench scripts: sets here, repo, out and corpus (the argument given, else ../shared/corpus
# unpacked once into /tmp/whittle-corpus), builds the jar when missing, and installs dockerfile-ast 0.7.1
# from npm into bench/out when asked (with_dockerfile_ast).
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
repo="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
corpus="${corpus_arg:-}"
if [ -z "$corpus" ]; then
  corpus=/tmp/whittle-corpus
  if [ ! -d "$corpus/data" ]; then
    mkdir -p "$corpus"
    tar -xJf "$repo/../shared/corpus/dockerhub-dockerfiles.tar.xz" -C "$corpus"
  fi
fi
[ -f "$repo/target/whittle.jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
with_dockerfile_ast() {
  if [ ! -d "$out/node_modules/dockerfile-ast" ]; then
    (cd "$out" && npm install --silent --no-audit --no-fund dockerfile-ast@0.7.1 >/dev/null)
  fi
}
