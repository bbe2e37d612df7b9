#!/usr/bin/env python3
"""Generate whittle's per-release package facts from the real package indexes of Debian and Ubuntu.

For every release in RELEASES whose suites the mirrors still serve, this reads the amd64 Packages
indexes of the release and of its -updates and -security suites (Debian: main; Ubuntu: main and
universe; the newest version of each package wins) and writes, next to this script:

  <family>-<release>.yaml       release number, glibc, tool versions, the recommendations that matter
                                which --no-install-recommends drops, and the runtime library of every
                                -dev package (format and rules: README.md beside this script)
  <family>-<release>.names.gz   every binary and virtual package name of the release, one a line, sorted

Run: python3 templates/distro/generate.py [--cache DIR] [--only RELEASE,...] [--out DIR]
Standard library only. Downloads are verified against the SHA256 sums of the suite's InRelease file
(and its signature with gpgv when the archive's keyring is installed) and kept in the cache folder.
"""

import argparse
import datetime
import gzip
import hashlib
import io
import lzma
import glob
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request

# --------------------------------------------------------------------------------------------------
# What is read.  A release is generated when its main suite answers; the others are reported as not
# reachable (those belong in archived.yaml, written by hand with a source for every fact).
# Development releases (Debian testing/unstable, Ubuntu's next release) are left out on purpose:
# their packages change every day, so facts about them would be stale by the time they ship.

def _apt_mirror(suffix):
    """The Debian mirror this machine's apt is configured with (the URI of its sources ending in `suffix`)."""
    for path in glob.glob("/etc/apt/sources.list.d/*.sources") + ["/etc/apt/sources.list"]:
        try:
            text = open(path).read()
        except OSError:
            continue
        for uri in re.findall(r"(?m)^(?:URIs:\s*|deb\s+(?:\[[^]]*\]\s+)?)(\S+)", text):
            if uri.rstrip("/").endswith(suffix):
                return uri.rstrip("/")
    return None


# Mirrors: the environment's, else the Debian mirror of this machine's own apt configuration. The Ubuntu archive
# has to be given (UBUNTU_MIRROR, its usual http URL ending in /ubuntu); without it the Ubuntu releases are skipped.
DEBIAN_MIRROR = os.environ.get("DEBIAN_MIRROR") or _apt_mirror("/debian")
DEBIAN_SECURITY_MIRROR = os.environ.get("DEBIAN_SECURITY_MIRROR") or _apt_mirror("/debian-security")
UBUNTU_MIRROR = os.environ.get("UBUNTU_MIRROR")
ARCH = "amd64"

# (family, codename, release number)
RELEASES = [
    ("debian", "jessie", "8"), ("debian", "stretch", "9"), ("debian", "buster", "10"),
    ("debian", "bullseye", "11"), ("debian", "bookworm", "12"), ("debian", "trixie", "13"),
    ("ubuntu", "precise", "12.04"), ("ubuntu", "trusty", "14.04"), ("ubuntu", "xenial", "16.04"),
    ("ubuntu", "bionic", "18.04"), ("ubuntu", "focal", "20.04"), ("ubuntu", "jammy", "22.04"),
    ("ubuntu", "noble", "24.04"),  # plucky (25.04) and questing (25.10): interim releases past their end of life
    ("ubuntu", "resolute", "26.04"),
]


def suites_of(family, release):
    """(base URL, suite, components) read for one release, in the order they are listed in sources."""
    if family == "debian":
        return [(DEBIAN_MIRROR, release, ["main"]),
                (DEBIAN_MIRROR, release + "-updates", ["main"]),
                (DEBIAN_SECURITY_MIRROR, release + "-security", ["main"])]
    comps = ["main", "universe"]
    return [(UBUNTU_MIRROR, release + s, comps) for s in ("", "-updates", "-security")]


KEYRINGS = {"debian": "/usr/share/keyrings/debian-archive-keyring.gpg",
            "ubuntu": "/usr/share/keyrings/ubuntu-archive-keyring.gpg"}

# --------------------------------------------------------------------------------------------------
# The packages that matter: a dropped recommendation is reported only when it is one of these.
# category -> (why, packages). A name that is a virtual package in a release stands for its providers
# there (libc-dev -> libc6-dev). Reasons for each entry, and for what was deliberately left out, are in
# README.md ("The packages that matter").

MATTERS = [
    ("tls", "certificate verification for https (curl, wget, git, python, openssl)",
     ["ca-certificates"]),
    ("compile", "C library headers and crt objects: without them gcc cannot link a program (./configure fails)",
     ["libc6-dev", "libc-dev"]),
    ("ssh", "ssh client: git over ssh, scp, rsync over ssh",
     ["openssh-client"]),
    ("gpg", "gpg keys: apt-key, gpg --recv-keys, add-apt-repository, signature checks of downloads",
     ["gnupg", "gpg", "dirmngr", "gpg-agent"]),
    ("net", "/etc/services and /etc/protocols: service and protocol lookups (Perl's IO::Socket, getservbyname)",
     ["netbase"]),
    ("build", "a compiler and make: pip builds packages without a wheel, node-gyp builds native npm modules,"
     " cmake and ./configure test the compiler",
     ["build-essential", "gcc", "g++", "make"]),
    ("build", "autoreconf runs automake (autoconf Recommends it)",
     ["automake"]),
    ("python-headers", "Python headers: pip builds the C extensions of packages that have no wheel",
     ["python3-dev", "python-dev"]),
    ("setuptools", "pip before 10 installs a source package through setup.py: without setuptools"
     " it fails (No module named setuptools)",
     ["python3-setuptools", "python-setuptools"]),
    ("vcs", "npm installs git dependencies (github:user/repo, git+https URLs) with git",
     ["git"]),
]

PRIORITY_RANK = {"required": 0, "important": 1, "standard": 2, "optional": 3, "extra": 4}


# --------------------------------------------------------------------------------------------------
# Downloading

def fetch(url, cache, refresh=False):
    """The bytes at url, kept in cache under the URL's path (refetched when refresh is set)."""
    path = os.path.join(cache, re.sub(r"^https?://", "", url))
    if not refresh and os.path.exists(path):
        with open(path, "rb") as f:
            return f.read()
    with urllib.request.urlopen(url, timeout=120) as r:
        data = r.read()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".part"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return data


def reachable(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def release_fields(text):
    """Top fields and the SHA256 table {path: (sha256, size)} of a Release / InRelease text."""
    fields, sums, cur = {}, {}, None
    in_body = not text.startswith("-----BEGIN PGP SIGNED MESSAGE-----")
    for line in text.splitlines():
        if not in_body:
            if line == "":
                in_body = True
            continue
        if line.startswith("-----BEGIN PGP SIGNATURE-----"):
            break
        if line.startswith(" "):
            if cur == "SHA256":
                h, size, p = line.split()
                sums[p] = (h, int(size))
            continue
        if ":" in line:
            k, v = line.split(":", 1)
            cur = k
            fields[k] = v.strip()
    return fields, sums


def verify_signature(family, inrelease_path):
    keyring = KEYRINGS[family]
    if not shutil.which("gpgv"):
        return "signature not checked (no gpgv)"
    if not os.path.exists(keyring):
        return "signature not checked (no %s)" % keyring
    r = subprocess.run(["gpgv", "--keyring", keyring, inrelease_path], capture_output=True)
    if r.returncode != 0:
        raise SystemExit("%s: bad signature:\n%s" % (inrelease_path, r.stderr.decode(errors="replace")))
    return "good signature"


def read_suite(family, base, suite, comps, cache):
    """Packages stanzas (list of dicts) of one suite and the sources strings read."""
    inrel_url = "%s/dists/%s/InRelease" % (base, suite)
    text = fetch(inrel_url, cache, refresh=True).decode("utf-8", errors="replace")
    sig = verify_signature(family, os.path.join(cache, re.sub(r"^https?://", "", inrel_url)))
    fields, sums = release_fields(text)
    stanzas, sources = [], []
    for comp in comps:
        dirs = ["%s/binary-%s" % (comp, ARCH)]
        # Like apt: a separate binary-all index only when the suite lists architecture "all" and does
        # not say that its arch-specific indexes carry the "all" packages already.
        if "all" in fields.get("Architectures", "").split() and \
                fields.get("No-Support-for-Architecture-all") != "Packages":
            dirs.append("%s/binary-all" % comp)
        for d in dirs:
            for ext, unpack in ((".xz", lzma.decompress), (".gz", gzip.decompress), ("", lambda b: b)):
                p = d + "/Packages" + ext
                if p in sums:
                    break
            else:
                raise SystemExit("%s: no %s/Packages index listed" % (inrel_url, d))
            data = fetch_index(base, suite, p, sums[p], fields.get("Acquire-By-Hash") == "yes", cache)
            stanzas.extend(parse_packages(unpack(data).decode("utf-8", errors="replace")))
        sources.append("%s %s %s %s" % (family, suite, comp, ARCH))  # the suite read, not the mirror's host
    print("  %-22s %s, %s, %d stanzas, InRelease %s" % (suite, fields.get("Date", "?"), sig,
                                                         len(stanzas), fields.get("Version", "")))
    return stanzas, sources, fields


def fetch_index(base, suite, path, sum_size, by_hash, cache):
    """One index file, checked against the SHA256 of InRelease.  Like apt, it is read by its hash
    (dists/SUITE/DIR/by-hash/SHA256/HASH) when the suite offers that, since a mirror's plain path can
    lag behind its InRelease; the plain path is the fallback."""
    sha, size = sum_size
    urls = []
    if by_hash:
        urls.append("%s/dists/%s/%s/by-hash/SHA256/%s" % (base, suite, os.path.dirname(path), sha))
    urls.append("%s/dists/%s/%s" % (base, suite, path))
    for url in urls:
        for refresh in (False, True):
            try:
                data = fetch(url, cache, refresh=refresh)
            except urllib.error.HTTPError:
                break
            if hashlib.sha256(data).hexdigest() == sha and len(data) == size:
                return data
    raise SystemExit("%s/dists/%s/%s: no copy matches the SHA256 of InRelease" % (base, suite, path))


KEEP = ("Package", "Version", "Source", "Depends", "Pre-Depends", "Recommends", "Provides",
        "Essential", "Priority", "Architecture", "Installed-Size")


def parse_packages(text):
    out = []
    for block in text.split("\n\n"):
        rec, key = {}, None
        for line in block.split("\n"):
            if not line:
                continue
            if line[0] in " \t":
                if key in rec:
                    rec[key] += " " + line.strip()
                continue
            k, _, v = line.partition(":")
            key = k
            if k in KEEP:
                rec[k] = v.strip()
        if "Package" in rec:
            out.append(rec)
    return out


# --------------------------------------------------------------------------------------------------
# Debian versions (dpkg's comparison) and upstream versions

def _order(c):
    if c == "~":
        return -1
    if c.isdigit():
        return 0
    if c.isalpha():
        return ord(c)
    return ord(c) + 256


def _cmp_part(a, b):
    i = j = 0
    while i < len(a) or j < len(b):
        first_diff = 0
        while (i < len(a) and not a[i].isdigit()) or (j < len(b) and not b[j].isdigit()):
            ac = _order(a[i]) if i < len(a) and not a[i].isdigit() else 0
            bc = _order(b[j]) if j < len(b) and not b[j].isdigit() else 0
            if ac != bc:
                return ac - bc
            i += 1
            j += 1
        while i < len(a) and a[i] == "0":
            i += 1
        while j < len(b) and b[j] == "0":
            j += 1
        while i < len(a) and a[i].isdigit() and j < len(b) and b[j].isdigit():
            if not first_diff:
                first_diff = ord(a[i]) - ord(b[j])
            i += 1
            j += 1
        if i < len(a) and a[i].isdigit():
            return 1
        if j < len(b) and b[j].isdigit():
            return -1
        if first_diff:
            return first_diff
    return 0


def split_version(v):
    epoch, _, rest = v.rpartition(":") if ":" in v else ("0", "", v)
    if "-" in rest:
        up, _, rev = rest.rpartition("-")
    else:
        up, rev = rest, ""
    return int(epoch or 0), up, rev


def version_cmp(a, b):
    ea, ua, ra = split_version(a)
    eb, ub, rb = split_version(b)
    if ea != eb:
        return ea - eb
    return _cmp_part(ua, ub) or _cmp_part(ra, rb)


REPACK = re.compile(r"[+~.](dfsg|ds|repack|debian|deb|ubuntu)[0-9.]*.*$")


def upstream(v):
    """The upstream version: epoch, Debian revision and repack suffixes (+dfsg, ~ds1, ...) removed."""
    up = split_version(v)[1]
    really = re.search(r"[+~]really([0-9].*)$", up)  # 2.0+really1.9 packages upstream 1.9
    if really:
        up = really.group(1)
    return REPACK.sub("", up)


# --------------------------------------------------------------------------------------------------
# The package universe of one release

REL_ITEM = re.compile(r"^\s*([^\s(\[<:]+)(?::[a-z0-9-]+)?\s*(?:\(([<>=]+)\s*([^)]+)\))?")


def parse_relation(field):
    """'a (>= 1) | b, c' -> [['a', 'b'], ['c']] (versions and architecture qualifiers dropped)."""
    groups = []
    for part in (field or "").split(","):
        alts = []
        for alt in part.split("|"):
            m = REL_ITEM.match(alt)
            if m:
                alts.append(m.group(1))
        if alts:
            groups.append(alts)
    return groups


class Universe:
    def __init__(self, stanzas):
        self.pkgs = {}
        for s in stanzas:
            old = self.pkgs.get(s["Package"])
            if old is None or version_cmp(s["Version"], old["Version"]) > 0:
                self.pkgs[s["Package"]] = s
        self.providers = {}
        for name, s in self.pkgs.items():
            for grp in parse_relation(s.get("Provides")):
                for v in grp:
                    self.providers.setdefault(v, set()).add(name)
        self.base = self._base()

    def source(self, name):
        s = self.pkgs[name].get("Source", name)
        return s.split()[0]

    def priority(self, name):
        return PRIORITY_RANK.get(self.pkgs[name].get("Priority", "optional"), 3)

    def choose(self, alts, base=None):
        """The package apt installs for one relation (a | b | ...), None when it is already satisfied
        by the base system or nothing can satisfy it.  Rule: the first alternative that is a real
        package; else, for the first alternative that is virtual with providers, its provider of best
        Priority (required < important < standard < optional), ties by name."""
        base = self.base if base is None else base
        for a in alts:
            if a in base or any(p in base for p in self.providers.get(a, ())):
                return None
        for a in alts:
            if a in self.pkgs:
                return a
            provs = self.providers.get(a)
            if provs:
                return min(provs, key=lambda p: (self.priority(p), p))
        return None

    def edges(self, name, fields, base=None):
        out = []
        for f in fields:
            for grp in parse_relation(self.pkgs[name].get(f)):
                c = self.choose(grp, base)
                if c is not None and c != name:
                    out.append(c)
        return out

    def _base(self):
        """What every image of the release already has: the Essential and Priority: required packages,
        apt, and their Depends/Pre-Depends closure.  Installing never drops those."""
        seeds = [n for n, s in self.pkgs.items()
                 if s.get("Essential") == "yes" or s.get("Priority") == "required"]
        if "apt" in self.pkgs:
            seeds.append("apt")
        # Relations with one choice first; then each relation with alternatives, choosing the real
        # alternative that brings the fewest packages not in the base so far (debootstrap installs
        # usr-is-merged, not usrmerge and perl), ties to the first.
        base, deferred, stack = set(), [], list(seeds)
        while True:
            while stack:
                n = stack.pop()
                if n in base:
                    continue
                base.add(n)
                for f in ("Depends", "Pre-Depends"):
                    for grp in parse_relation(self.pkgs[n].get(f)):
                        real = [a for a in grp if a in self.pkgs]
                        if len(real) > 1:
                            deferred.append(grp)
                        else:
                            c = self.choose(grp, base=set())
                            if c:
                                stack.append(c)
            if not deferred:
                return base
            grp = deferred.pop(0)
            if any(self.provided_by(a, base) for a in grp):
                continue
            real = [a for a in grp if a in self.pkgs]
            stack.append(min(real, key=lambda a: (len(self.closure(a, DEP, base=base)), grp.index(a))))

    def provided_by(self, name, installed):
        return name in installed or any(p in installed for p in self.providers.get(name, ()))

    def closure(self, name, fields, base=None):
        """What installing name brings in through `fields` relations, the base system excluded."""
        base = self.base if base is None else base
        seen, stack = set(), [name]
        while stack:
            n = stack.pop()
            if n in seen or n in base:
                continue
            seen.add(n)
            stack.extend(self.edges(n, fields, base))
        return seen


DEP = ("Depends", "Pre-Depends")
ALL = ("Depends", "Pre-Depends", "Recommends")


def reach_masks(u, fields, bit):
    """For every package, the bitmask of matter packages reachable through `fields` relations (the
    package itself excluded unless reached through a cycle), skipping the base system.  Iterative
    Tarjan: one mask per strongly connected component."""
    names = [n for n in u.pkgs if n not in u.base]
    succ = {n: [m for m in u.edges(n, fields) if m not in u.base] for n in names}
    index, low, onstack, comp = {}, {}, set(), {}
    stack, counter, comps = [], [0], []
    for root in names:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            n, i = work.pop()
            if i == 0:
                index[n] = low[n] = counter[0]
                counter[0] += 1
                stack.append(n)
                onstack.add(n)
            recurse = False
            s = succ[n]
            while i < len(s):
                m = s[i]
                i += 1
                if m not in index:
                    work.append((n, i))
                    work.append((m, 0))
                    recurse = True
                    break
                if m in onstack:
                    low[n] = min(low[n], index[m])
            if recurse:
                continue
            if low[n] == index[n]:
                members = []
                while True:
                    m = stack.pop()
                    onstack.discard(m)
                    comp[m] = len(comps)
                    members.append(m)
                    if m == n:
                        break
                comps.append(members)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[n])
    # Tarjan emits components in reverse topological order: successors first.
    cmask = [0] * len(comps)
    for ci, members in enumerate(comps):
        m = 0
        for n in members:
            for s in succ[n]:
                cs = comp[s]
                m |= bit.get(s, 0)
                if cs != ci:
                    m |= cmask[cs]
        if len(members) > 1:
            for n in members:
                m |= bit.get(n, 0)
        cmask[ci] = m
    return {n: cmask[comp[n]] for n in names}


# --------------------------------------------------------------------------------------------------
# Facts

def matter_packages(u):
    """{package: (category, why)} of the curated list, virtual names resolved to their providers."""
    out = {}
    for cat, why, names in MATTERS:
        for n in names:
            real = [n] if n in u.pkgs else sorted(u.providers.get(n, ()))
            for r in real:
                out.setdefault(r, (cat, why))
    return out


def dropped_matters(u, matters):
    """package -> the packages that matter which --no-install-recommends drops when it is installed,
    leaving out those that another listed one brings through its own Depends (gnupg brings dirmngr
    and gpg-agent, build-essential brings gcc, make and libc6-dev): installing the listed ones
    restores all of them."""
    order = sorted(matters)
    bit = {n: 1 << i for i, n in enumerate(order)}
    full = reach_masks(u, ALL, bit)
    dep = reach_masks(u, DEP, bit)
    implied = {m: sum(bit[x] for x in u.closure(m, DEP) if x in bit and x != m) for m in order}
    out = {}
    for n in u.pkgs:
        if n in u.base:
            continue
        d = full[n] & ~dep[n] & ~bit.get(n, 0)
        if not d:
            continue
        got = [m for m in order if d & bit[m]]

        def implied_by_other(m):
            # another dropped one brings m through its Depends; of two that bring each other, the
            # first by name stays
            return any(o != m and implied[o] & bit[m] and not (implied[m] & bit[o] and m < o)
                       for o in got)
        out[n] = [m for m in got if not implied_by_other(m)]
    return out


NOT_RUNTIME = re.compile(r"-(dev|devel|dev-bin|devtools|dbg|doc|headers|common|data|tools|utils|bin)$")


META_KIB = 256


def is_dev(name):
    return name.endswith("-dev") or name.endswith("-devel")


def runtime_of(u):
    """Every -dev / -devel package -> its runtime library packages: the packages of its own source
    package that it Depends on and that are compiled (not Architecture: all) and not themselves
    development, documentation, data or tool packages.  A -dev package with none of its own that
    ships next to nothing (Installed-Size <= META_KIB: a metapackage or a transitional package such
    as libjpeg-dev, libfreetype6-dev, default-libmysqlclient-dev) gets the runtime libraries of the
    -dev packages it Depends on.  [] = none (header-only or
    source-only libraries: linux-libc-dev, Rust crates, Go sources)."""
    memo = {}

    def direct(n):
        src, libs = u.source(n), []
        for grp in parse_relation(u.pkgs[n].get("Depends")) + parse_relation(u.pkgs[n].get("Pre-Depends")):
            for a in grp:
                if a in u.pkgs and a != n and u.source(a) == src and not NOT_RUNTIME.search(a) \
                        and u.pkgs[a].get("Architecture") != "all" and a not in libs:
                    libs.append(a)
        return libs

    def solve(n, depth):
        if n in memo:
            return memo[n]
        memo[n] = []  # cycles and depth: nothing more
        libs = direct(n)
        if not libs and depth < 4 and int(u.pkgs[n].get("Installed-Size") or 0) <= META_KIB:
            for grp in parse_relation(u.pkgs[n].get("Depends")):
                a = next((x for x in grp if x in u.pkgs), None)
                if a and (is_dev(a) or "-dev-" in a):
                    for lib in solve(a, depth + 1):
                        if lib not in libs:
                            libs.append(lib)
        memo[n] = libs
        return libs

    return {n: solve(n, 0) for n in sorted(u.pkgs) if is_dev(n)}


def dep_names(u, name):
    return [a for grp in parse_relation(u.pkgs[name].get("Depends")) for a in grp]


def interpreter_version(u, meta, pattern):
    """Upstream version of the package a metapackage (python3, golang-go) points at: the first of its
    Depends that matches pattern (python3.11, golang-1.19-go); the metapackage's own otherwise."""
    if meta not in u.pkgs:
        return None
    seen, todo = set(), [meta]
    while todo:
        n = todo.pop(0)
        if n in seen or n not in u.pkgs:
            continue
        seen.add(n)
        if re.fullmatch(pattern, n):
            return upstream(u.pkgs[n]["Version"])
        todo.extend(dep_names(u, n))
    return upstream(u.pkgs[meta]["Version"])


def tools_of(u):
    t = {}

    def versions(names, resolve=None):
        got = {}
        for n in names:
            if n in u.pkgs:
                got[n] = resolve(n) if resolve else upstream(u.pkgs[n]["Version"])
        return got

    pip = versions(["python3-pip", "python-pip"])
    if pip:
        t["pip"] = pip
    go = versions(["golang-go"], lambda n: interpreter_version(u, n, r"golang-[0-9.]+-go"))
    if go:
        t["go"] = go
    upx = versions(["upx-ucl", "upx"])
    if upx:
        t["upx"] = upx
    py3 = interpreter_version(u, "python3", r"python3\.[0-9]+")
    if py3:
        t["python3"] = py3
    for p in ("python", "python2"):
        v = interpreter_version(u, p, r"python2\.[0-9]+")
        if v and v.startswith("2"):
            t["python"] = v
            break
    for p in ("nodejs", "npm"):
        if p in u.pkgs:
            t[p] = upstream(u.pkgs[p]["Version"])
    return t


# --------------------------------------------------------------------------------------------------
# Writing

YAML_PLAIN = re.compile(r"^[a-z][a-z0-9+.-]*$")
YAML_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def ykey(s):
    if YAML_PLAIN.match(s) and s not in YAML_SPECIAL:
        return s
    return qstr(s)


def qstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_yaml(path, family, release, version, day, sources, u, matters, recs, rt, tools):
    L = ["# Generated by templates/distro/generate.py from the package indexes named in `sources`; do not edit.",
         "# Format and rules: templates/distro/README.md.",
         "family: " + family, "release: " + release, "version: " + qstr(version),
         "generated: " + qstr(day),
         "sources: [" + ", ".join(qstr(s) for s in sources) + "]"]
    libc = u.pkgs.get("libc6")
    L.append("glibc: " + qstr(upstream(libc["Version"]) if libc else ""))
    L.append("tools:")
    for k in ("pip", "go", "upx", "python3", "python", "nodejs", "npm"):
        if k not in tools:
            continue
        v = tools[k]
        if isinstance(v, dict):
            L.append("  %s: {%s}" % (k, ", ".join("%s: %s" % (ykey(a), qstr(b)) for a, b in v.items())))
        else:
            L.append("  %s: %s" % (k, qstr(v)))
    L.append("matters:")
    for n in sorted(matters):
        cat, why = matters[n]
        L.append("  %s: %s" % (ykey(n), qstr(cat + ": " + why)))
    with open(path, "w") as f:
        f.write("\n".join(L) + "\n")


def write_tables(path, recs, rt):
    """The two big tables, as gzip'd lines whittle reads fast (a YAML parser took a second for them): under
    `# recommends`, `PACKAGE<TAB>MATTER MATTER...`; under `# runtimeOf`, `PACKAGE<TAB>LIBRARY LIBRARY...` (nothing
    after the tab: no runtime library needed)."""
    L = ["# recommends"]
    for n in sorted(recs):
        L.append("%s\t%s" % (n, " ".join(recs[n])))
    L.append("# runtimeOf")
    for n in sorted(rt):
        L.append("%s\t%s" % (n, " ".join(rt[n]) if rt[n] else ""))
    data = ("\n".join(L) + "\n").encode()
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as g:
            g.write(data)


def write_names(path, u):
    names = sorted(set(u.pkgs) | set(u.providers))
    raw = ("\n".join(names) + "\n").encode()
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(raw)
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    return len(names)


# --------------------------------------------------------------------------------------------------

SANITY = [("curl", ["ca-certificates"]), ("wget", ["ca-certificates"]),
          ("git", ["ca-certificates", "openssh-client"])]


def sanity(u, recs, rt, tools):
    """Lines of checks every release must pass; a failed one is marked FAIL (exit status 1)."""
    lines, ok = [], True

    def check(cond, text):
        nonlocal ok
        ok = ok and cond
        lines.append("    %s %s" % ("ok  " if cond else "FAIL", text))

    for pkg, want in SANITY:
        got = recs.get(pkg, [])
        check(all(w in got for w in want), "%s -> %s (drops %s)" % (pkg, ", ".join(want), got))
    gccs = [n for n in ("gcc",) if n in u.pkgs]
    gcc_target = next((c for c in u.edges("gcc", DEP) if re.fullmatch(r"gcc-[0-9.]+", c)), None) \
        if gccs else None
    if gcc_target:
        rec = u.pkgs[gcc_target].get("Recommends", "")
        check("libc6-dev" in recs.get(gcc_target, []) and "libc6-dev" in recs.get("gcc", []),
              "gcc (%s, Recommends: %s) -> libc6-dev (drops %s)" % (gcc_target, rec, recs.get("gcc", [])))
    else:
        check(False, "gcc: no gcc-N package found")
    check(rt.get("libpq-dev") == ["libpq5"], "libpq-dev -> libpq5 (runtimeOf %s)" % rt.get("libpq-dev"))
    lines.append("    pip: %s   go: %s   python3: %s   python: %s   nodejs: %s" % (
        tools.get("pip", {}).get("python3-pip", "-") + (" (python-pip %s)" % tools["pip"]["python-pip"]
                                                       if "python-pip" in tools.get("pip", {}) else ""),
        tools.get("go", {}).get("golang-go", "-"), tools.get("python3", "-"), tools.get("python", "-"),
        tools.get("nodejs", "-")))
    return lines, ok


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", default=os.path.join(os.environ.get("XDG_CACHE_HOME") or
                                                    os.path.expanduser("~/.cache"), "whittle-distro"),
                    help="folder that keeps the downloaded indexes (default: %(default)s)")
    ap.add_argument("--out", default=here, help="where the files are written (default: this script's folder)")
    ap.add_argument("--only", help="comma-separated codenames to generate (default: every reachable release)")
    args = ap.parse_args()
    only = set(args.only.split(",")) if args.only else None
    os.makedirs(args.out, exist_ok=True)
    day = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    failed, totals, unreachable = False, [], []
    for family, release, version in RELEASES:
        if only and release not in only:
            continue
        suites = suites_of(family, release)
        if not reachable("%s/dists/%s/InRelease" % (suites[0][0], suites[0][1])):
            unreachable.append("%s %s (%s)" % (family, release, version))
            print("%s %s: not reachable (%s/dists/%s) - skipped" % (family, release, suites[0][0], release))
            continue
        print("%s %s (%s):" % (family, release, version))
        stanzas, sources = [], []
        for base, suite, comps in suites:
            st, src, fields = read_suite(family, base, suite, comps, args.cache)
            stanzas.extend(st)
            sources.extend(src)
        u = Universe(stanzas)
        matters = matter_packages(u)
        recs = dropped_matters(u, matters)
        rt = runtime_of(u)
        tools = tools_of(u)
        stem = os.path.join(args.out, "%s-%s" % (family, release))
        write_yaml(stem + ".yaml", family, release, version, day, sources, u, matters, recs, rt, tools)
        write_tables(stem + ".tables.gz", recs, rt)
        nnames = write_names(stem + ".names.gz", u)
        in_base = sorted(m for m in matters if m in u.base)
        print("  packages %d, names %d, base system %d, recommends entries %d, runtimeOf entries %d"
              " (%d without a runtime library)" % (len(u.pkgs), nnames, len(u.base), len(recs), len(rt),
                                                   sum(1 for v in rt.values() if not v)))
        if in_base:
            print("  matters already in the base system (never dropped): " + ", ".join(in_base))
        lines, ok = sanity(u, recs, rt, tools)
        print("\n".join(lines))
        failed = failed or not ok
        totals.append((family, release, len(u.pkgs), nnames, len(recs), len(rt),
                       os.path.getsize(stem + ".yaml"), os.path.getsize(stem + ".names.gz")))
    print("\n| release | packages | names | recommends entries | runtimeOf entries | yaml bytes | names.gz bytes |")
    print("|---|---|---|---|---|---|---|")
    for t in totals:
        print("| %s %s | %d | %d | %d | %d | %d | %d |" % t)
    if unreachable:
        print("\nnot reachable today (see archived.yaml): " + ", ".join(unreachable))
    if failed:
        print("\nsanity checks FAILED", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
