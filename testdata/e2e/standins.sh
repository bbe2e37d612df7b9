#!/usr/bin/env bash
# Builds local stand-ins for the public base images that the e2e Dockerfiles and whittle's templates name,
# from Debian bookworm packages only (this machine reaches Debian's mirror, Maven Central and npm, not Docker
# Hub). They carry the exact names (docker.io/library/golang:1.18.3, gcr.io/distroless/static-debian12:nonroot,
# ...), so `buildah bud --pull=never` resolves the Dockerfiles to them. They are not the real images: the
# language versions are Debian's (Go 1.19, Node 18, Python 3.11, Rust 1.63, OpenJDK 17, GCC 12), and their
# sizes follow the real images' make-up (full toolchain images vs slim / distroless runtimes), not their bytes.
# Images already in buildah's storage are kept (a second run builds nothing); WHITTLE_E2E_REBUILD=1 redoes all.
set -euo pipefail
export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}" BUILDAH_ISOLATION="${BUILDAH_ISOLATION:-chroot}"
cache="${WHITTLE_E2E_CACHE:-/var/tmp/whittle-e2e}"
# the Debian mirror of this machine's own apt configuration, unless DEBIAN_MIRROR says another
mirror="${DEBIAN_MIRROR:-$(sed -n 's|^URIs: *\(.*/debian\)/*$|\1|p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)}"
[ -n "$mirror" ] || mirror=$(sed -n 's|^deb \(\[[^]]*\] \)\?\([^ ]*/debian\)/* .*|\2|p' /etc/apt/sources.list 2>/dev/null | head -1)
[ -n "$mirror" ] || { echo "standins: no Debian mirror in the apt configuration; set DEBIAN_MIRROR" >&2; exit 2; }
log() { echo "standins: $*" >&2; }
have() { [ -z "${WHITTLE_E2E_REBUILD:-}" ] && buildah inspect --type image "$1" > /dev/null 2>&1; }
PATH_ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# what slim images leave out: package lists, caches, documentation, translations
SLIM='rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/cache/debconf/*-old /usr/share/doc/* /usr/share/man/* /usr/share/info/* /usr/share/locale/* /var/log/*'

# debian RELEASE: docker.io/library/debian:RELEASE-slim from a debootstrap of that release
debian() {
  local release=$1 name=docker.io/library/debian:$1-slim rootfs="$cache/rootfs-$1"
  have "$name" && return 0
  if [ ! -x "$rootfs/bin/sh" ]; then
    log "debootstrap $release (minbase) into $rootfs"
    rm -rf "$rootfs" && mkdir -p "$cache"
    debootstrap --variant=minbase "$release" "$rootfs" "$mirror" > "$cache/debootstrap-$release.log" 2>&1 \
      || { tail -20 "$cache/debootstrap-$release.log" >&2; exit 1; }
  fi
  log "$name"
  local ctr mnt
  ctr=$(buildah from scratch)
  mnt=$(buildah mount "$ctr")
  tar -C "$rootfs" --exclude='./var/lib/apt/lists/*' --exclude='./var/cache/apt/*' --exclude='./usr/share/doc/*' \
    --exclude='./usr/share/man/*' --exclude='./usr/share/info/*' --exclude='./usr/share/locale/*' \
    --exclude='./var/log/*' --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -cf - . | tar -C "$mnt" -xf -
  if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
    mkdir -p "$mnt/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$mnt/usr/local/share/ca-certificates/"
  fi
  buildah umount "$ctr" > /dev/null
  buildah config --env "$PATH_ENV" --cmd '["bash"]' "$ctr"
  buildah commit -q --rm "$ctr" "$name" > /dev/null
}
debian bookworm
debian bullseye   # the real golang:1.16 to 1.20 images are Debian bullseye
base=docker.io/library/debian:bookworm-slim

# derive NAME PACKAGES [EXTRA-SHELL [buildah config options...]]
derive() {
  local name=$1 packages=$2 extra=${3:-true}; shift 3 || shift $#
  have "$name" && return 0
  log "$name ($packages)"
  local ctr
  ctr=$(buildah from --pull=never "${from:-$base}")
  buildah run "$ctr" -- sh -ec "apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages > /dev/null
    $extra
    $SLIM"
  [ $# -gt 0 ] && buildah config "$@" "$ctr"
  buildah commit -q --rm "$ctr" "$name" > /dev/null
}

from=docker.io/library/debian:bullseye-slim derive docker.io/library/golang:1.18.3 \
  "golang-go gcc libc6-dev git ca-certificates" true \
  --env PATH=/usr/lib/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env GOPATH=/go
derive docker.io/library/gcc:12 "build-essential ca-certificates" true
derive docker.io/library/rust:1.63 "rustc cargo gcc libc6-dev ca-certificates" true
derive docker.io/library/node:18 "nodejs npm build-essential python3 git ca-certificates" \
  "useradd -m -u 1000 node" --cmd '["node"]'
# the real slim image bundles a 10 MB npm; Debian's npm package pulls ~150 MB of separately packaged modules,
# so this stand-in has node alone (a runtime stage starts node, never npm)
derive docker.io/library/node:18-slim "nodejs ca-certificates" "useradd -m -u 1000 node" --cmd '["node"]'
derive docker.io/library/python:3.11 \
  "python3 python3-venv python3-pip python-is-python3 python3-dev build-essential libpq-dev git ca-certificates" \
  "rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED" --cmd '["python3"]'
derive docker.io/library/python:3.11-slim "python3 python3-venv python3-pip python-is-python3 ca-certificates" \
  "rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED" --cmd '["python3"]'
derive docker.io/library/maven:3.9-eclipse-temurin-17 "maven openjdk-17-jdk-headless ca-certificates" true \
  --env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 --cmd '["mvn"]'

# distroless NAME PACKAGES [EXTRA-SHELL [buildah config options...]]: an image with no shell and no package
# manager, holding only the files of the given packages (and what EXTRA-SHELL puts under /out), like
# Google's distroless images; user nonroot (65532).
distroless() {
  local name=$1 packages=$2 extra=${3:-true}; shift 3 || shift $#
  have "$name" && return 0
  log "$name ($packages)"
  local helper ctr hmnt mnt
  helper=$(buildah from --pull=never "$base")
  buildah run "$helper" -- sh -ec "apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages > /dev/null
    mkdir -p /out/etc /out/tmp /out/home/nonroot /out/root /out/usr/bin /out/usr/sbin /out/usr/lib /out/usr/lib64
    for d in bin sbin lib lib64; do ln -s usr/\$d /out/\$d; done
    chmod 1777 /out/tmp
    for p in $packages; do dpkg -L \$p | while read -r f; do
      case \$f in /usr/share/doc/*|/usr/share/man/*|/usr/share/lintian/*) continue;; esac
      if [ -f \"\$f\" ] || [ -L \"\$f\" ]; then mkdir -p \"/out\$(dirname \$f)\" && cp -a \"\$f\" \"/out\$f\"; fi
    done; done
    printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > /out/etc/passwd
    printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' > /out/etc/group
    chown 65532:65532 /out/home/nonroot
    $extra"
  ctr=$(buildah from scratch)
  hmnt=$(buildah mount "$helper")
  mnt=$(buildah mount "$ctr")
  cp -a "$hmnt/out/." "$mnt/"
  buildah umount "$helper" "$ctr" > /dev/null
  buildah rm "$helper" > /dev/null
  buildah config --user 65532:65532 --workingdir /home/nonroot --env "$PATH_ENV" \
    --env SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt "$@" "$ctr"
  buildah commit -q --rm "$ctr" "$name" > /dev/null
}

# the root variant of a distroless stand-in (the tag without :nonroot runs as root, like Google's): whittle writes it
# below the aggressive level when the original runs as root
rootvariant() {
  local name=$1 root=${1%:nonroot}
  have "$root" && return 0
  log "$root (the root variant of $name)"
  local ctr
  ctr=$(buildah from --pull=never "$name")
  buildah config --user 0:0 --workingdir /root "$ctr"
  buildah commit -q --rm "$ctr" "$root" > /dev/null
}

distroless gcr.io/distroless/static-debian12:nonroot "ca-certificates tzdata netbase" \
  "cp -a /etc/ssl /out/etc/ && cp -a /usr/share/zoneinfo /out/usr/share/ 2>/dev/null || true"
distroless gcr.io/distroless/cc-debian12:nonroot "ca-certificates tzdata netbase libc6 libgcc-s1 libstdc++6 libssl3 zlib1g" \
  "cp -a /etc/ssl /out/etc/"
# Java: a JRE cut with jlink from Debian's OpenJDK 17 (distroless java ships a JRE, not the JDK)
distroless gcr.io/distroless/java17-debian12:nonroot \
  "ca-certificates tzdata netbase libc6 libgcc-s1 libstdc++6 zlib1g" \
  "cp -a /etc/ssl /out/etc/
   DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless binutils > /dev/null
   jlink --add-modules java.se,jdk.httpserver,jdk.crypto.ec,jdk.zipfs --strip-debug --no-man-pages --no-header-files \
     --compress=2 --output /out/usr/lib/jvm/jre
   mkdir -p /out/usr/bin && ln -s /usr/lib/jvm/jre/bin/java /out/usr/bin/java" \
  --entrypoint '["/usr/bin/java", "-jar"]'
for image in gcr.io/distroless/static-debian12 gcr.io/distroless/cc-debian12 gcr.io/distroless/java17-debian12; do
  rootvariant "$image:nonroot"
done
log "ready: $(buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -v '<none>' | sort | tr '\n' ';')"
