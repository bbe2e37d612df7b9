#!/usr/bin/env python3
"""Derive templates/images.yaml: what pulling an official image tag gives today.

Reads git directories (bare clones with full history, no work tree needed) of
  docker-library/official-images      the library/<name> files: every tag, its GitCommit and Directory,
                                      and in their history the tags removed at end of life
  the per-image repositories          their Dockerfiles at those commits: FROM (the release) and ENV
                                      (PYTHON_VERSION, PYTHON_PIP_VERSION, GOLANG_VERSION, NODE_VERSION ...)

For every tag that was ever listed, the LAST listing (the last state of library/<name> on the first-parent
history of master that still names it) says which Dockerfile built the image a pull gives today; its FROM is
resolved the same way, against the library files as they were at that same official-images commit, down to
a distribution image (debian, ubuntu, alpine, centos, fedora, amazonlinux, oraclelinux, windows). Nothing is
built and no fetched code is run: the script only reads git objects.

Usage:
  templates/images-generate.py --official-images DIR [--repo OWNER/NAME=DIR ...] [DIR ...] > templates/images.yaml

A bare DIR is named for its repository by its parent folder "OWNER+NAME" (how the fetch tool lays them out),
e.g. /work/.mirror/docker-library+python/repo. Python 3.8 or newer, standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

# The official images covered, and the per-image repository each one's GitRepo lines name (older names of a
# repository map to the one that holds its history today).
LANGUAGE_IMAGES = ["golang", "python", "node", "ruby", "rust", "gcc", "openjdk", "java", "eclipse-temurin",
                   "maven", "gradle", "php", "buildpack-deps"]
DISTRO_IMAGES = ["debian", "ubuntu", "alpine", "centos", "fedora", "amazonlinux"]
REPO_ALIASES = {
    "docker-library/docker-python": "docker-library/python",
    "docker-library/docker-buildpack-deps": "docker-library/buildpack-deps",
    "docker-library/docker-java": "docker-library/java",
    "docker-library/node": "nodejs/docker-node",
    "joyent/docker-node": "nodejs/docker-node",
    "rust-lang-nursery/docker-rust": "rust-lang/docker-rust",
    "keeganwitt/docker-gradle": "gradle/docker-gradle",
    "docker-library/java": "docker-library/openjdk",
}
# docker-library/gcc is too large to fetch here (its snapshot is ~700 MB); every Dockerfile it has had is
# FROM buildpack-deps:<Debian suite> (4.9, 5, 6 and 7 at 00013aa5, 8 at 035d5baa, read through the code search),
# so a gcc tag is Debian with glibc; its release is known only where the build's tags name the suite.
FAMILY_WITHOUT_REPOSITORY = {"gcc": ("debian", "glibc")}

# Official images that are only the base of a covered one (adoptopenjdk, amazoncorretto, ibmjava, sapmachine,
# ibm-semeru-runtimes under maven and gradle variants) are resolved like the covered ones when their repository
# is given; oraclelinux, ubi, rockylinux, almalinux and Windows bases by their name and tag (rhel_like_base).

# ENV names that carry the language version, and the tools, per official image.
LANGUAGE = {
    "golang": ("go", ["GOLANG_VERSION", "GO_VERSION"]),
    "python": ("python", ["PYTHON_VERSION"]),
    "node": ("node", ["NODE_VERSION"]),
    "ruby": ("ruby", ["RUBY_VERSION"]),
    "rust": ("rust", ["RUST_VERSION"]),
    "gcc": ("gcc", ["GCC_VERSION"]),
    "php": ("php", ["PHP_VERSION"]),
    "openjdk": ("java", ["JAVA_VERSION"]),
    "java": ("java", ["JAVA_VERSION"]),
    "eclipse-temurin": ("java", ["JAVA_VERSION"]),
    "maven": ("java", ["JAVA_VERSION"]),
    "gradle": ("java", ["JAVA_VERSION"]),
}
TOOLS = {  # tool name -> ENV names, in order of preference
    "pip": ["PYTHON_PIP_VERSION"],
    "setuptools": ["PYTHON_SETUPTOOLS_VERSION"],
    "npm": ["NPM_VERSION"],
    "yarn": ["YARN_VERSION"],
    "gem": ["RUBYGEMS_VERSION"],
    "bundler": ["BUNDLER_VERSION"],
    "maven": ["MAVEN_VERSION"],
    "gradle": ["GRADLE_VERSION"],
    "composer": ["COMPOSER_VERSION"],
    "rustup": ["RUSTUP_VERSION"],
}

# Distribution facts that no Dockerfile states. Sources: https://www.debian.org/releases/ (numbers, codenames,
# the dates each became stable), https://wiki.ubuntu.com/Releases (numbers and codenames).
DEBIAN_CODENAMES = {"6": "squeeze", "7": "wheezy", "8": "jessie", "9": "stretch", "10": "buster",
                    "11": "bullseye", "12": "bookworm", "13": "trixie", "14": "forky", "15": "duke"}
DEBIAN_STABLE_SINCE = [("2013-05-04", "wheezy"), ("2015-04-25", "jessie"), ("2017-06-17", "stretch"),
                       ("2019-07-06", "buster"), ("2021-08-14", "bullseye"), ("2023-06-10", "bookworm"),
                       ("2025-08-09", "trixie")]
DEBIAN_OTHER = {"sid": "sid", "unstable": "sid", "experimental": "sid", "rc-buggy": "sid"}
UBUNTU_CODENAMES = {
    "10.04": "lucid", "10.10": "maverick", "11.04": "natty", "11.10": "oneiric", "12.04": "precise",
    "12.10": "quantal", "13.04": "raring", "13.10": "saucy", "14.04": "trusty", "14.10": "utopic",
    "15.04": "vivid", "15.10": "wily", "16.04": "xenial", "16.10": "yakkety", "17.04": "zesty",
    "17.10": "artful", "18.04": "bionic", "18.10": "cosmic", "19.04": "disco", "19.10": "eoan",
    "20.04": "focal", "20.10": "groovy", "21.04": "hirsute", "21.10": "impish", "22.04": "jammy",
    "22.10": "kinetic", "23.04": "lunar", "23.10": "mantic", "24.04": "noble", "24.10": "oracular",
    "25.04": "plucky", "25.10": "questing", "26.04": "resolute"}
UBUNTU_NUMBERS = {v: k for k, v in UBUNTU_CODENAMES.items()}

# Releases whose package repositories an unmodified image names are gone, so `apt-get update` (`yum`) fails.
# Measured from the machine that generated the table on 2026-12-02, with `curl -I`:
#   http://deb.debian.org/debian/dists/SUITE/Release        404 for lenny squeeze wheezy jessie stretch buster
#     (and buster-updates; security.debian.org buster/updates and stretch/updates 404 too); 200 for bullseye,
#     bullseye-updates, bullseye-security, bookworm, trixie, forky, sid
#   http://archive.ubuntu.com/ubuntu/dists/SUITE/Release    404 for dapper hardy lucid precise quantal raring saucy
#     trusty utopic vivid wily yakkety zesty artful cosmic disco eoan groovy hirsute impish kinetic lunar mantic
#     oracular; 200 for xenial bionic focal jammy noble plucky questing resolute (security.ubuntu.com: trusty 404)
# CentOS: mirrorlist.centos.org was turned off and mirror.centos.org emptied when CentOS 7 reached its end of life
#   on 2024-06-30 (the CentOS sysadmins' announcement, as summarised at
#   https://smoogespace.blogspot.com/2024/06/updates-on-centos-7-eol-2024-06-30.html); 8 went to vault.centos.org
#   after 2021-12-31, 6 after 2020-11-30. Not measurable from here (no route to centos.org).
MEASURED_ON = "2026-12-02"
ARCHIVED = {
    "debian": ["lenny", "squeeze", "wheezy", "jessie", "stretch", "buster"],
    "ubuntu": ["dapper", "hardy", "lucid", "precise", "quantal", "raring", "saucy", "trusty", "utopic", "vivid",
               "wily", "yakkety", "zesty", "artful", "cosmic", "disco", "eoan", "groovy", "hirsute", "impish",
               "kinetic", "lunar", "mantic", "oracular"],
    "centos": ["5", "6", "7", "8"],
}


def log(*args):
    print(*args, file=sys.stderr)


class Git:
    """Reads objects of one git directory through a single `git cat-file --batch` process."""

    def __init__(self, path):
        self.path = path
        self.proc = subprocess.Popen(["git", "--git-dir", path, "cat-file", "--batch"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.cache = {}

    def read(self, spec):
        """(object id, bytes) of a rev:path, or (None, None) when it does not exist."""
        if spec in self.cache:
            return self.cache[spec]
        self.proc.stdin.write(spec.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode().split()
        if len(header) < 3 or header[1] == "missing":
            result = (None, None)
        else:
            size = int(header[2])
            data = self.proc.stdout.read(size)
            self.proc.stdout.read(1)
            result = (header[0], data if header[1] == "blob" else None)
        self.cache[spec] = result
        return result

    def run(self, *args):
        return subprocess.run(["git", "--git-dir", self.path] + list(args), check=True,
                              stdout=subprocess.PIPE).stdout.decode()


# ---------------------------------------------------------------------------------------------------------
# library/<name> files

Entry = collections.namedtuple("Entry", "tags shared repo commit directory file arches constraints")

OLD_LINE = re.compile(r"^\s*([^\s:#]+)\s*:\s*(\S+)@([0-9a-fA-F]{7,40})(?:\s+(\S+))?\s*$")


def repo_name(url):
    m = re.search(r"github\.com[/:]([^/\s]+)/([^/\s@#]+)", url or "")
    if not m:
        return None
    name = (m.group(1) + "/" + re.sub(r"\.git$", "", m.group(2))).lower()
    while name in REPO_ALIASES and REPO_ALIASES[name] != name:
        name = REPO_ALIASES[name]
    return name


def split_list(value):
    return [t.strip() for t in re.split(r"[,\s]+", value or "") if t.strip()]


def parse_library(text):
    """The entries of one library/<name> file, in either format it has had (one line per tag until 2015,
    RFC 2822 paragraphs since)."""
    lines = text.splitlines()
    if any(re.match(r"^(Tags|GitRepo|Maintainers)\s*:", l) for l in lines):
        return parse_rfc2822(lines)
    entries = []
    for line in lines:
        if line.lstrip().startswith("#"):
            continue
        m = OLD_LINE.match(line)
        if m:
            entries.append(Entry([m.group(1)], [], repo_name(m.group(2)), m.group(3), m.group(4) or ".", None,
                                 ["amd64"], []))
    return entries


def parse_rfc2822(lines):
    paragraphs, current, key = [], {}, None
    for line in lines + [""]:
        if line.strip().startswith("#"):
            continue
        if not line.strip():
            if current:
                paragraphs.append(current)
            current, key = {}, None
            continue
        if line[0] in " \t" and key:
            current[key] += " " + line.strip()
            continue
        if ":" in line:
            key, _, value = line.partition(":")
            key = key.strip()
            current[key] = value.strip()
    defaults = {}
    entries = []
    for p in paragraphs:
        if "Tags" not in p and "SharedTags" not in p:
            defaults.update(p)
            continue
        merged = dict(defaults)
        merged.update(p)

        def field(name):  # the amd64 value when the file gives one per architecture
            return merged.get("amd64-" + name) or merged.get(name)
        arches = split_list(merged.get("Architectures", "amd64"))
        entries.append(Entry(split_list(merged.get("Tags")), split_list(merged.get("SharedTags")),
                             repo_name(field("GitRepo")), field("GitCommit"), field("Directory") or ".",
                             field("File"), arches, split_list(merged.get("Constraints"))))
    return entries


def is_windows(entry):
    return any(a.startswith("windows") for a in entry.arches) or any(
        c.startswith(("windowsservercore", "nanoserver")) for c in entry.constraints)


def tag_map(entries):
    """tag -> the entry a linux/amd64 pull gets (Tags before SharedTags; a linux entry before a windows one)."""
    result = {}
    ranked = []
    for e in entries:
        for t in e.tags:
            ranked.append((0 if not is_windows(e) else 2, t, e))
        for t in e.shared:
            ranked.append((1 if not is_windows(e) else 3, t, e))
    for rank, t, e in sorted(ranked, key=lambda x: x[0]):
        result.setdefault(t, e)
    return result


class OfficialImages:
    def __init__(self, path):
        self.git = Git(path)
        self.head = self.git.run("rev-parse", "HEAD").strip()
        self.head_date = self.git.run("log", "-1", "--format=%cs", self.head).strip()
        self.parsed = {}

    def state(self, name, commit):
        """tag -> Entry for library/<name> as it was at an official-images commit (None: no such file)."""
        oid, data = self.git.read(commit + ":library/" + name)
        if oid is None:
            return None
        if oid not in self.parsed:
            self.parsed[oid] = tag_map(parse_library(data.decode("utf-8", "replace")))
        return self.parsed[oid]

    def history(self, name):
        """[(commit, date)] of master's first-parent states of library/<name>, oldest first."""
        out = self.git.run("log", "--first-parent", "--reverse", "--format=%H %cs", self.head, "--",
                           "library/" + name)
        return [tuple(l.split()) for l in out.splitlines() if l.strip()]


# ---------------------------------------------------------------------------------------------------------
# Dockerfiles


def dockerfile_facts(text):
    """(FROM image, {ENV name: value}) of a Dockerfile's final stage; ENV of earlier stages fill the gaps."""
    text = re.sub(r"\\\r?\n", " ", text)
    stages = []
    args = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "FROM":
            parts = [p for p in rest.split() if not p.startswith("--")]
            image = expand(parts[0], args) if parts else ""
            stages.append([image, {}])
        elif word == "ARG" and not stages:
            name, _, value = rest.strip().partition("=")
            args[name.strip()] = value.strip().strip('"')
        elif word == "ENV" and stages:
            env = stages[-1][1]
            rest = rest.strip()
            if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", rest):
                for m in re.finditer(r'([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\'[^\']*\'|\S*)', rest):
                    env[m.group(1)] = m.group(2).strip("\"'")
            else:
                name, _, value = rest.partition(" ")
                env[name] = value.strip()
    if not stages:
        return None, {}
    env = {}
    for _, e in stages[:-1]:
        env.update(e)
    env.update(stages[-1][1])
    # a stage FROM an earlier stage of the same file takes that stage's base
    names = {}
    image = stages[-1][0]
    for m in re.finditer(r"(?im)^\s*FROM\s+(?:--\S+\s+)*(\S+)\s+AS\s+(\S+)", text):
        names[m.group(2).lower()] = m.group(1)
    seen = 0
    while image.lower() in names and seen < 10:
        image, seen = names[image.lower()], seen + 1
    return image, env


def expand(word, args):
    return re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: args.get(m.group(1), m.group(0)), word)


def split_ref(ref):
    ref = ref.split("@")[0]
    name, tag = ref, "latest"
    i = ref.rfind(":")
    if i > ref.rfind("/"):
        name, tag = ref[:i], ref[i + 1:]
    name = name.lower()
    for prefix in ("docker.io/", "index.docker.io/", "registry-1.docker.io/", "library/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name, tag


# ---------------------------------------------------------------------------------------------------------
# Distribution releases

Facts = collections.namedtuple("Facts", "family release libc env how")
# how: "dockerfile" (read from the Dockerfile of the last listing and its bases), "earlier" (the Dockerfile of the
# last listing is not in the given repository; an earlier listing of the same directory was read and the release
# taken from the tag and directory names), "names" (no Dockerfile could be read: tag and directory names only),
# "library" (a distribution image: the release from its library file)


def debian_stable_at(date):
    codename = DEBIAN_STABLE_SINCE[0][1]
    for since, name in DEBIAN_STABLE_SINCE:
        if date >= since:
            codename = name
    return codename


def debian_alias(alias, date):
    names = [n for _, n in DEBIAN_STABLE_SINCE] + ["forky"]
    i = names.index(debian_stable_at(date))
    offset = {"stable": 0, "latest": 0, "oldstable": -1, "oldoldstable": -2, "testing": 1}.get(alias)
    if offset is None or not 0 <= i + offset < len(names):
        return None
    return names[i + offset]


def tag_words(tag):
    return re.split(r"[-_]", tag)


def debian_release(tags, date):
    """The Debian codename one build's tags name (every tag of the build is looked at)."""
    for t in tags:
        for word in tag_words(t)[:1]:
            if word in DEBIAN_CODENAMES.values() or word in DEBIAN_OTHER:
                return DEBIAN_OTHER.get(word, word)
        if t.startswith("rc-buggy"):
            return "sid"
    for t in tags:
        m = re.match(r"^(\d+)(\.|-|$)", t)
        if m and m.group(1) in DEBIAN_CODENAMES:
            return DEBIAN_CODENAMES[m.group(1)]
    for t in tags:
        release = debian_alias(tag_words(t)[0], date)
        if release:
            return release
    return None


def ubuntu_release(tags, numbers):
    for t in tags:
        if tag_words(t)[0] in numbers:
            return tag_words(t)[0]
    for t in tags:
        m = re.match(r"^(\d+\.\d+)", t)
        if m and m.group(1) in UBUNTU_CODENAMES:
            return UBUNTU_CODENAMES[m.group(1)]
    return None


def alpine_release(tags):
    for t in tags:
        if t.startswith("edge"):
            return "edge"
    for t in tags:
        m = re.match(r"^(\d+\.\d+)", t)
        if m:
            return m.group(1)
    return None


def rhel_release(name, tags):
    for t in tags:
        if name == "amazonlinux":
            m = re.match(r"^(\d+)(\.|$|-)", t)
            if m:
                major = m.group(1)
                return "1" if len(major) == 4 and major < "2023" else major
        else:
            m = re.match(r"^(?:centos)?(\d+)(\.|$|-)", t)
            if m:
                return m.group(1)
    for t in tags:
        if t.startswith("rawhide"):
            return "rawhide"
    return None


def release_from_words(words):
    """What tag or directory words say about the distribution, when no Dockerfile can be read."""
    for w in words:
        m = re.match(r"^alpine(\d+\.\d+)$", w)
        if m:
            return "alpine", m.group(1), "musl"
    for i, w in enumerate(words):
        if w == "alpine":
            following = words[i + 1] if i + 1 < len(words) else ""
            return "alpine", following if re.fullmatch(r"\d+\.\d+", following) else None, "musl"
        if w in DEBIAN_CODENAMES.values():
            return "debian", w, "glibc"
        if w in UBUNTU_NUMBERS:
            return "ubuntu", w, "glibc"
        if re.match(r"^(windowsservercore|nanoserver)", w):
            return "windows", None, None
    return None


def words_of(tags, directory=""):
    words = []
    for t in tags:
        words += tag_words(t)
    words += re.split(r"[/_-]", directory or "")
    return words


def windows_base(name, tag):
    if re.search(r"(^|/)(windows/servercore|windows/nanoserver|windowsservercore|nanoserver|windows)$", name) \
            and ("microsoft" in name or name in ("windowsservercore", "nanoserver")):
        return Facts("windows", tag if tag != "latest" else None, None, {}, "library")
    return None


def rhel_like_base(name, tag):
    """Bases outside the covered set whose release their name or tag says (Oracle Linux, UBI, Rocky, Alma)."""
    if name in ("oraclelinux", "rockylinux", "almalinux", "rockylinux/rockylinux"):
        m = re.match(r"^(\d+)", tag)
        return Facts("rhel", m.group(1) if m else None, "glibc", {}, "library")
    m = re.match(r"^(?:registry\.access\.redhat\.com/|redhat/)?ubi(\d+)(?:[-/].*)?$", name)
    if m:
        return Facts("rhel", m.group(1), "glibc", {}, "library")
    return None


class Resolver:
    def __init__(self, official, repos):
        self.oi = official
        self.repos = repos        # owner/name -> [Git]
        self.missing = collections.Counter()
        self.memo = {}
        self.listings = {}        # name -> tag -> [(commit, date, entry)]
        self.ubuntu_numbers = dict(UBUNTU_NUMBERS)

    def learn_ubuntu(self):
        """Ubuntu number <-> codename pairs newer than the table above, from builds that carry both tags."""
        for commit, _ in self.oi.history("ubuntu"):
            state = self.oi.state("ubuntu", commit) or {}
            builds = collections.defaultdict(list)
            for t, e in state.items():
                builds[id(e)].append(t)
            for tags in builds.values():
                numbers = [t for t in tags if re.match(r"^\d+\.\d+$", t)]
                names = [t for t in tags if re.match(r"^[a-z]+$", t) and t not in ("latest", "rolling", "devel")]
                if len(numbers) >= 1 and len(names) == 1:
                    number = min(numbers, key=len)
                    if names[0] not in self.ubuntu_numbers:
                        self.ubuntu_numbers[names[0]] = number
                        UBUNTU_CODENAMES.setdefault(number, names[0])

    def tag_listings(self, name):
        if name not in self.listings:
            index = collections.defaultdict(list)
            for commit, date in self.oi.history(name):
                for t, e in (self.oi.state(name, commit) or {}).items():
                    index[t].append((commit, date, e))
            self.listings[name] = index
        return self.listings[name]

    def build_tags(self, name, commit, entry):
        state = self.oi.state(name, commit) or {}
        return [t for t, e in state.items() if e is entry]

    def resolve(self, name, tag, commit, date, depth=0):
        """Facts of name:tag as built from the library files at official-images commit `commit`."""
        key = (name, tag, commit)
        if key not in self.memo:
            self.memo[key] = self._resolve(name, tag, commit, date, depth)
        return self.memo[key]

    def _resolve(self, name, tag, commit, date, depth):
        if name == "scratch":
            return Facts("scratch", None, None, {}, "library")
        known = windows_base(name, tag) or rhel_like_base(name, tag)
        if known:
            return known
        if depth > 8:
            return None
        state = self.oi.state(name, commit)
        entry = state.get(tag) if state else None
        if entry is None:
            # not listed at that commit: the listing nearest before it, else the first after it
            listings = self.tag_listings(name).get(tag, [])
            before = [l for l in listings if l[1] <= date]
            chosen = before[-1] if before else (listings[0] if listings else None)
            if chosen is None:
                self.missing[(name + ":" + tag, "never listed")] += 1
                guess = release_from_words(tag_words(tag))
                return Facts(guess[0], guess[1], guess[2], {}, "names") if guess else None
            commit, date, entry = chosen
        tags = self.build_tags(name, commit, entry)
        if name in DISTRO_IMAGES:
            return self.distro_facts(name, tag, tags, date)
        return self.image_facts(name, tag, commit, date, entry, tags, depth)

    def distro_facts(self, name, tag, tags, date):
        if name == "debian":
            release = debian_release(tags, date) or debian_release([tag], date)
            return Facts("debian", release, "glibc", {}, "library")
        if name == "ubuntu":
            release = ubuntu_release(tags, self.ubuntu_numbers) or ubuntu_release([tag], self.ubuntu_numbers)
            return Facts("ubuntu", release, "glibc", {}, "library")
        if name == "alpine":
            return Facts("alpine", alpine_release(tags) or alpine_release([tag]), "musl", {}, "library")
        return Facts("rhel", rhel_release(name, tags) or rhel_release(name, [tag]), "glibc", {}, "library")

    def image_facts(self, name, tag, commit, date, entry, tags, depth):
        text = self.dockerfile(entry)
        how = "dockerfile"
        named = release_from_words(words_of(tags, entry.directory))
        if text is None:
            # the commit is newer than the repository snapshot (or the repository is not given): an earlier
            # listing of the same directory gives the ENV, the names give the release
            for c, d, e in reversed(self.tag_listings(name).get(tag, [])):
                if d <= date and e.directory == entry.directory and e.commit != entry.commit:
                    text = self.dockerfile(e, count=False)
                    if text is not None:
                        how = "earlier"
                        commit, date = c, d
                        break
        if text is None:
            # no earlier listing either (a directory new since the snapshot): the same path in the snapshot
            text = self.dockerfile(entry, count=False, at_head=True)
            if text is not None:
                how = "earlier"
        if text is None:
            if named:
                return Facts(named[0], named[1], named[2], {}, "names")
            if name in FAMILY_WITHOUT_REPOSITORY:
                family, libc = FAMILY_WITHOUT_REPOSITORY[name]
                return Facts(family, None, libc, {}, "names")
            return Facts(None, None, None, {}, "names")
        base, env = dockerfile_facts(text)
        if not base:
            return None
        bname, btag = split_ref(base)
        parent = self.resolve(bname, btag, commit, date, depth + 1)
        if parent is None:
            guess = release_from_words(tag_words(btag))
            parent = Facts(guess[0], guess[1], guess[2], {}, "names") if guess else Facts(None, None, None, {}, "names")
        merged = dict(parent.env)
        merged.update(env)
        family, release, libc = parent.family, parent.release, parent.libc
        if how == "earlier" and named and named[1] and (named[0], named[1]) != (family, release):
            family, release, libc = named
        if parent.how in ("names", "earlier") and how == "dockerfile":
            how = parent.how
        return Facts(family, release, libc, merged, how)

    def dockerfile(self, entry, count=True, at_head=False):
        gits = self.repos.get(entry.repo)
        if not gits:
            if count:
                self.missing[(entry.repo, "repository not given")] += 1
            return None
        directory = entry.directory.strip("/")
        path = (directory + "/" if directory not in ("", ".") else "") + (entry.file or "Dockerfile")
        for git in gits:
            _, data = git.read(("HEAD" if at_head else entry.commit) + ":" + path)
            if data is not None:
                return data.decode("utf-8", "replace")
        if count:
            self.missing[(entry.repo, "commit not in the snapshot")] += 1
        return None


# ---------------------------------------------------------------------------------------------------------
# Every tag ever listed

Tag = collections.namedtuple("Tag", "name tag entry commit first last current facts build")


def all_tags(oi, resolver, name):
    """[Tag]: each tag ever listed for name, with the facts of its last listing."""
    result = []
    head_state = oi.state(name, oi.head) or {}
    for t, listings in resolver.tag_listings(name).items():
        commit, date, e = listings[-1]
        facts = resolver.resolve(name, t, commit, date)
        if name in DISTRO_IMAGES:
            # a distribution image is FROM scratch: it changes only when its listed build does
            same = (e.repo, e.commit, e.directory, e.file)
            for c, d, other in reversed(listings):
                if (other.repo, other.commit, other.directory, other.file) != same:
                    break
                date = d
        result.append(Tag(name, t, e, commit, listings[0][1], date, t in head_state, facts,
                          resolver.build_tags(name, commit, e)))
    return result


# ---------------------------------------------------------------------------------------------------------
# Tags: version part and variant suffix

NODE_CODENAMES = ["argon", "boron", "carbon", "dubnium", "erbium", "fermium", "gallium", "hydrogen", "iron", "jod",
                  "krypton", "lithium"]
VERSION = re.compile(r"^((?:openjdk-)?\d+(?:\.\d+)*(?:u\d+)?(?:(?:a|b|rc|beta|alpha|RC)\d*)?"
                     r"(?:-(?:rc|ea|preview\d*|beta\d*|alpha\d*)(?:[-+]?\d+)?)?(?:[_+]\d+)?(?:-b\d+)?)(?:-(.+))?$")


def split_tag(name, tag):
    """(version part or None, suffix): '3.6.15-slim-bullseye' -> ('3.6.15', 'slim-bullseye'), 'carbon-slim' ->
    ('carbon', 'slim') for node, 'alpine' -> (None, 'alpine')."""
    if name == "node":
        word, _, rest = tag.partition("-")
        if word in NODE_CODENAMES or word in ("lts", "current"):
            return word, rest
    m = VERSION.match(tag)
    if m:
        return m.group(1), m.group(2) or ""
    return None, tag


def numeric(version):
    m = re.match(r"^(?:openjdk-|jdk-?)?(\d+(?:\.\d+)*)", version or "")
    return [int(x) for x in m.group(1).split(".")] if m else []


def language_line(name, version):
    """The part of a language version that whittle's checks compare: major.minor, or the major where that is
    how the language numbers its releases (node >= 4, java, gcc >= 5)."""
    parts = numeric(version)
    if not parts:
        return None
    lang = LANGUAGE.get(name, (None,))[0]
    if lang == "java":
        if parts[0] == 1 and len(parts) > 1:   # 1.8.0_111
            return str(parts[1])
        return str(parts[0])
    if (lang == "node" and parts[0] >= 4) or (lang == "gcc" and parts[0] >= 5):
        return str(parts[0])
    return ".".join(str(p) for p in parts[:2])


def clean_version(name, value):
    if not value or "$" in value:
        return None
    value = value.strip().strip("'\"")
    if LANGUAGE.get(name, (None,))[0] == "java":
        value = re.sub(r"^jdk-?", "", value)
    return value or None


def version_from_tags(name, tags):
    """The most precise version the tags of one build name (when the Dockerfile could not be read)."""
    best = None
    for t in tags:
        v, _ = split_tag(name, t)
        if v and v[0].isdigit() and (best is None or len(numeric(v)) > len(numeric(best))):
            best = v
    return best


def java_from_tags(tags):
    for t in tags:
        m = re.search(r"(?:^|-)(?:jdk|jre|openjdk|eclipse-temurin|temurin|amazoncorretto|corretto|sapmachine|"
                      r"ibm-semeru|semeru|ibmjava|graal|liberica|zulu|oracle|adoptopenjdk)-?(\d+)(?:$|[-.u])", t)
        if m:
            return m.group(1)
    return None


ENSUREPIP_SINCE = "2024-09"   # docker-library/python 9cd32437 "Switch from get-pip.py to ensurepip"
ENSUREPIP_PIP_FLOOR = "23.0.1"  # every CPython branch bundled pip >= 23.0.1 from 2023-03 (python/cpython#101998 and
                                # its backports #102240, #102243, #102244)


def record(t):
    """The table row of one tag: None when what its pull gives is unknown."""
    f = t.facts
    if f is None or not f.family or f.family == "scratch":
        return None
    if t.name == "golang" and t.tag.startswith("tip"):
        return None   # weekly development snapshots (tip-YYYYMMDD): no Go release to compare with
    name = t.name
    lang = LANGUAGE.get(name, (None, []))
    version = None
    for var in lang[1]:
        version = clean_version(name, f.env.get(var)) or version
        if version:
            break
    if f.how != "dockerfile" or not version:
        version = version_from_tags(name, t.build) if name not in ("maven", "gradle") else version
        if version and name == "eclipse-temurin":
            version = version.replace("_", "+")   # tags write the build number after "_", JAVA_VERSION after "+"
    if name in ("maven", "gradle") and not version:
        version = java_from_tags(t.build)
    tools = {}
    if f.how == "dockerfile":
        for tool, names in TOOLS.items():
            for var in names:
                value = clean_version(name, f.env.get(var))
                if value:
                    tools[tool] = value
                    break
        if name == "python" and "pip" not in tools and t.last >= ENSUREPIP_SINCE and f.family != "windows":
            tools["pip"] = ENSUREPIP_PIP_FLOOR
    if name in ("maven", "gradle"):
        tool_version = tools.get(name) or version_from_tags(name, t.build)
        if tool_version:
            tools[name] = tool_version
    v, suffix = split_tag(name, t.tag)
    # a floating tag (3.6, 8, carbon, lts, latest, alpine) names less than the build's full version
    full = tools.get(name) if name in ("maven", "gradle") else version
    bare = re.sub(r"^openjdk-", "", v or "")
    floating = v is None or not v[0].isdigit() or bool(full and bare != full and full.startswith(bare))
    return {"tag": t.tag, "v": v, "suffix": suffix, "floating": floating, "family": f.family, "release": f.release,
            "libc": f.libc if f.family != "windows" else None, "language": lang[0],
            "version": version, "line": language_line(name, version) if version else None,
            "tools": tools, "last": t.last[:7], "current": t.current, "how": f.how,
            "build": (t.commit, t.entry.repo, t.entry.commit, t.entry.directory)}


# ---------------------------------------------------------------------------------------------------------
# Regular expressions that match exactly a set of tags


def escape(c):
    return "\\" + c if c in ".+*?()[]{}|^$\\" else c


def char_class(chars):
    chars = sorted(set(chars))
    if len(chars) == 1:
        return escape(chars[0])
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1 and chars[j].isalnum() \
                and chars[j + 1].isalnum():
            j += 1
        if j - i >= 2:
            out.append(chars[i] + "-" + chars[j])
        else:
            out.extend(chars[i:j + 1])
        i = j + 1
    body = "".join(c for c in out if c != "-")
    if "-" in chars:
        body += "\\-"
    return "[" + body.replace(".", "\\.").replace("+", "\\+") + "]"


def exact_regex(strings):
    """A regular expression (Java and Python syntax alike) matching exactly these strings."""
    trie = {}
    for s in strings:
        node = trie
        for c in s:
            node = node.setdefault(c, {})
        node[""] = {}

    def rx(node):
        end = "" in node
        singles, alts = [], []
        for c in sorted(k for k in node if k):
            child = node[c]
            if list(child) == [""]:
                singles.append(c)
            else:
                alts.append(escape(c) + rx(child))
        if singles:
            alts.append(char_class(singles))
        if not alts:
            return ""
        if len(alts) == 1:
            one = alts[0]
            if not end:
                return one
            simple = len(one) == 1 or (one.startswith("[") and one.endswith("]") and one.count("[") == 1) \
                or (one.startswith("\\") and len(one) == 2)
            return one + "?" if simple else "(" + one + ")?"
        return "(" + "|".join(alts) + ")" + ("?" if end else "")
    return rx(trie)


def tags_regex(rows):
    """version-part alternatives followed by their suffixes, grouped so the pattern stays readable."""
    by_version = collections.defaultdict(set)
    plain = set()
    for r in rows:
        if r["v"] is None:
            plain.add(r["tag"])
        else:
            by_version[r["v"]].add(r["suffix"])
    groups = collections.defaultdict(list)
    for v, suffixes in by_version.items():
        groups[frozenset(suffixes)].append(v)
    pieces = []
    for suffixes, versions in sorted(groups.items(), key=lambda g: sorted(g[1])):
        head = exact_regex(versions)
        if len(versions) > 1 and not (head.startswith("(") and head.endswith(")")):
            head = "(" + head + ")"
        rest = sorted(s for s in suffixes if s)
        if not rest:
            pieces.append(head)
            continue
        tail = exact_regex(rest)
        if len(rest) > 1 or not tail.isalnum():
            tail = "(" + tail + ")" if not (tail.startswith("(") and tail.endswith(")")) else tail
        pieces.append(head + ("(-" + tail + ")?" if "" in suffixes else "-" + tail))
    if plain:
        pieces.append(exact_regex(sorted(plain)))
    return pieces[0] if len(pieces) == 1 else "(" + "|".join(pieces) + ")"


# ---------------------------------------------------------------------------------------------------------
# Entries


def common_version(versions):
    """The most precise version every one of these is: itself when they agree, else their shared numbers."""
    versions = [v for v in versions if v]
    if not versions:
        return None
    if len(set(versions)) == 1:
        return versions[0]
    lists = [numeric(v) for v in versions]
    common = []
    for items in zip(*lists):
        if len(set(items)) != 1:
            break
        common.append(items[0])
    return ".".join(str(c) for c in common) or None


def version_key(v):
    return tuple(numeric(v)) if v else ()


def min_version(values):
    return min(values, key=lambda v: (version_key(v), v))


def language_entries(name, rows):
    """Entries for one language image: each build that some floating tag (3.6, 8, carbon, lts) still points at
    gets its own entry with its exact versions; the superseded builds of a version line are grouped by what
    matters for a rewrite (distribution, release, C library, language line), their versions the part all share
    and their tool versions the lowest among them."""
    # builds that a version line's own tag (3.6, 8, carbon, lts, latest, alpine) points at; a tag of a minor
    # line below the language line (node 8.9) does not make its build one
    head_builds = {r["build"] for r in rows if r["floating"] and (r["v"] is None or not r["v"][0].isdigit() or
                   len(numeric(r["v"])) <= len((r["line"] or "").split(".")))}
    windows = [r for r in rows if r["family"] == "windows"]
    rows = [r for r in rows if r["family"] != "windows"]
    clusters = collections.OrderedDict()
    for r in rows:
        if r["tag"] == "latest":
            continue
        if r["build"] in head_builds:
            key = ("head", r["family"], r["release"], r["libc"], r["version"], tuple(sorted(r["tools"].items())))
        else:
            # maven and gradle: the tool's own version line too (their language line is the JDK's)
            tool = language_line("golang", r["tools"].get(name)) if name in ("maven", "gradle") else None
            key = ("past", r["family"], r["release"], r["libc"], r["line"], tool)
        clusters.setdefault(key, []).append(r)
    # "<v>-X" counts as a variant of v when its build carries the same version as v's own build: the variants a
    # runtime stage can take without changing the language version
    by_tag = {r["tag"]: r for r in rows}
    suffixes_of = collections.defaultdict(set)
    plain = set()
    for r in rows:
        if r["v"] is None:
            plain.add(r["tag"])
        elif r["suffix"]:
            own = by_tag.get(r["v"])
            if own is None or same_build_version(name, own, r):
                suffixes_of[r["v"]].add(r["suffix"])
    for r in rows:
        if r["v"] is None and r["version"] and name not in ("maven", "gradle"):
            # latest, alpine, slim: the variants of the full version that build carries
            suffixes_of.setdefault(r["version"], set())
    entries = []
    for key, members in clusters.items():
        entries.append(make_entry(name, members, key[0] == "head", suffixes_of, plain))
    entries.sort(key=lambda e: (tuple(-x for x in version_key(e["version"])), e["_head"] is False, e["tag"]))
    if windows:
        # whittle rewrites no Windows image: one entry says which tags are Windows ones
        others = sorted(r["tag"] for r in windows if not re.fullmatch(WINDOWS_TAG, r["tag"]))
        pattern = WINDOWS_TAG if not others else "(" + WINDOWS_TAG + "|" + exact_regex(others) + ")"
        entries.insert(0, {"repository": name, "tag": pattern, "family": "windows",
                           "language": windows[0]["language"], "lastBuilt": max(r["last"] for r in windows),
                           "variants": [], "_head": True,
                           "_comment": "Windows Server Core and Nano Server tags (release and version not given)"})
    latest = [r for r in rows if r["tag"] == "latest"]
    if latest:
        e = make_entry(name, latest, True, suffixes_of, plain)
        e["tag"] = "(latest)?"
        e["_comment"] = "latest and no tag: today's latest"
        entries.append(e)
    return entries


WINDOWS_TAG = ".*(windowsservercore|nanoserver).*"
# No split writes a maven or gradle image (a Java build's runtime is eclipse-temurin's JRE), and their variant
# lists (every JDK, vendor and distribution) would be most of the file: left empty.
NO_VARIANTS = ("maven", "gradle")


def same_build_version(name, a, b):
    if name in ("maven", "gradle"):
        return a["tools"].get(name) == b["tools"].get(name)
    return a["version"] == b["version"]


def make_entry(name, members, head, suffixes_of, plain):
    first = members[0]
    versions = [m["version"] for m in members]
    version = first["version"] if head else common_version(versions)
    tools = {}
    names = set.intersection(*[set(m["tools"]) for m in members]) if members else set()
    for tool in sorted(names):
        tools[tool] = min_version([m["tools"][tool] for m in members])
    # the suffixes X such that "<version>-X" was a tag, for every version part the entry matches (a tag without
    # one, like alpine or latest, counts with the full version its build carries)
    own = (lambda m: m["tools"].get(name)) if name in ("maven", "gradle") else (lambda m: m["version"])
    vparts = {m["v"] if m["v"] is not None else own(m) for m in members}
    variants = set.intersection(*[suffixes_of.get(v, set()) for v in vparts]) if vparts else set()
    # a Linux image's runtime is never a Windows one, nor the reverse
    windows = first["family"] == "windows"
    variants = {x for x in variants if bool(re.search(r"windowsservercore|nanoserver", x)) == windows}
    if name in NO_VARIANTS:
        variants = set()
    return {"repository": name, "tag": tags_regex(members), "family": first["family"],
            "release": first["release"], "libc": first["libc"], "language": first["language"],
            "version": version, "tools": tools, "lastBuilt": max(m["last"] for m in members),
            "variants": sorted(variants, key=variant_order), "_head": head,
            "_how": sorted({m["how"] for m in members}), "_count": len(members)}


def variant_order(s):
    return (s.count("-"), s)


# Distribution images: the release is in the tag's own words (codename or number), so entries are patterns;
# the aliases whose meaning moved (stable, latest, rolling, 3, ...) are matched exactly first.

def distro_entries(name, rows, resolver):
    rows = [r for r in rows if r["release"]]
    entries = []
    if name == "debian":
        patterns = []
        for number, codename in sorted(DEBIAN_CODENAMES.items(), key=lambda x: -int(x[0])):
            patterns.append((codename, "(%s|%s(\\.[0-9]+)*)(-.*)?" % (codename, number)))
        patterns.append(("sid", "(sid|unstable|experimental|rc-buggy)(-.*)?"))
    elif name == "ubuntu":
        patterns = []
        for number, codename in sorted(UBUNTU_CODENAMES.items(), key=lambda x: [-int(p) for p in x[0].split(".")]):
            patterns.append((codename, "(%s|%s(\\.[0-9]+)*)(-.*)?" % (codename, re.escape(number).replace("\\.", "\\."))))
    elif name == "alpine":
        releases = sorted({r["release"] for r in rows if re.match(r"^\d+\.\d+$", r["release"])},
                          key=lambda v: [-int(x) for x in v.split(".")])
        patterns = [(rel, "%s(\\.[0-9]+)*" % rel.replace(".", "\\.")) for rel in releases]
        patterns.append(("edge", "(edge(-.*)?|[0-9]{8})"))
    elif name == "centos":
        patterns = [(rel, "(centos)?%s([.-].*)?" % rel) for rel in ["8", "7", "6", "5"]]
    elif name == "fedora":
        releases = sorted({r["release"] for r in rows if r["release"].isdigit()}, key=lambda v: -int(v))
        patterns = [(rel, "%s([.-].*)?" % rel) for rel in releases] + [("rawhide", "rawhide(-.*)?")]
    elif name == "amazonlinux":
        patterns = [("2023", "2023(\\.[0-9]+)*(-.*)?"), ("2", "2(\\.[0-9]+)*(-.*)?"),
                    ("1", "(1|201[0-9]\\.[0-9]+(\\.[0-9]+)*)(-.*)?")]
    else:
        patterns = []
    compiled = [(rel, re.compile(p)) for rel, p in patterns]

    def by_pattern(tag):
        for rel, rx in compiled:
            if rx.fullmatch(tag):
                return rel
        return None
    exact = [r for r in rows if by_pattern(r["tag"]) != r["release"] and r["tag"] != "latest"]
    groups = collections.OrderedDict()
    for r in sorted(exact, key=lambda r: r["tag"]):
        groups.setdefault(r["release"], []).append(r)
    family = rows[0]["family"] if rows else None
    libc = rows[0]["libc"] if rows else None
    plain_variants = variants_of_distro(rows)
    for rel, members in groups.items():
        entries.append({"repository": name, "tag": exact_regex(sorted(m["tag"] for m in members)),
                        "family": family, "release": rel, "libc": libc,
                        "lastBuilt": max(m["last"] for m in members), "variants": [], "_head": True,
                        "_comment": "tags whose meaning moved (aliases, dated snapshots of aliases)"})
    for rel, p in patterns:
        covered = [r for r in rows if r not in exact and re.fullmatch(p, r["tag"]) and r["release"] == rel]
        if not covered:
            continue
        main = [r for r in covered if r["tag"] in (rel, ) or re.fullmatch(r"[a-z]+|\d+(\.\d+)?", r["tag"])]
        entries.append({"repository": name, "tag": p, "family": family, "release": rel, "libc": libc,
                        "lastBuilt": max(m["last"] for m in (main or covered)),
                        "variants": plain_variants.get(rel, []), "_head": True})
    latest = [r for r in rows if r["tag"] == "latest"]
    if latest:
        r = latest[0]
        entries.append({"repository": name, "tag": "(latest)?", "family": family, "release": r["release"],
                        "libc": libc, "lastBuilt": r["last"], "variants": [], "_head": True,
                        "_comment": "latest and no tag: today's latest"})
    return entries


def variants_of_distro(rows):
    """Per release, the suffixes (without dated snapshots) its codename tag has had: slim, backports, curl, scm."""
    out = collections.defaultdict(set)
    for r in rows:
        tag = r["tag"][len("rc-buggy"):] if r["tag"].startswith("rc-buggy") else r["tag"].split("-", 1)[-1]
        stem = r["tag"].split("-", 1)[0]
        named = any(c.isdigit() for c in stem) or stem in DEBIAN_CODENAMES.values() or stem in UBUNTU_NUMBERS \
            or stem in ("sid", "unstable", "experimental", "rc")
        if named and tag != r["tag"] and re.fullmatch(r"[a-z][a-z-]*", tag or "-"):
            out[r["release"]].add(tag.lstrip("-"))
    return {k: sorted(v, key=variant_order) for k, v in out.items()}


def buildpack_entries(rows):
    entries = []
    groups = collections.OrderedDict()
    for r in sorted(rows, key=lambda r: r["tag"]):
        groups.setdefault((r["family"], r["release"]), []).append(r)
    for (family, release), members in groups.items():
        tags = [m["tag"] for m in members if m["tag"] != "latest"]
        if not tags:
            continue
        variants = sorted({t.split("-", 1)[1] for t in tags if "-" in t}, key=variant_order)
        entries.append({"repository": "buildpack-deps", "tag": exact_regex(tags), "family": family,
                        "release": release, "libc": members[0]["libc"],
                        "lastBuilt": max(m["last"] for m in members), "variants": variants, "_head": True})
    latest = [r for r in rows if r["tag"] == "latest"]
    if latest:
        r = latest[0]
        entries.append({"repository": "buildpack-deps", "tag": "(latest)?", "family": r["family"],
                        "release": r["release"], "libc": r["libc"], "lastBuilt": r["last"],
                        "variants": ["curl", "scm"], "_head": True, "_comment": "latest and no tag: today's latest"})
    return entries


# ---------------------------------------------------------------------------------------------------------
# YAML


def plain(value):
    """A string as a YAML plain scalar when it reads back as the same string, else double-quoted."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9._+-]*", value) and value.lower() not in (
            "yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"):
        return value
    return dquote(value)


def quote(value):
    return "'" + value.replace("'", "''") + "'"


def dquote(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_yaml(e):
    fields = ["repository: " + e["repository"], "tag: " + quote(e["tag"]), "family: " + e["family"]]
    if e.get("release"):
        fields.append("release: " + plain(e["release"]))
    if e.get("libc"):
        fields.append("libc: " + e["libc"])
    if e.get("language"):
        fields.append("language: " + e["language"])
        if e.get("version"):
            fields.append("version: " + dquote(e["version"]))
    if e.get("tools"):
        fields.append("tools: {" + ", ".join(k + ": " + dquote(v) for k, v in sorted(e["tools"].items())) + "}")
    if e.get("lastBuilt"):
        fields.append("lastBuilt: " + dquote(e["lastBuilt"]))
    fields.append("variants: [" + ", ".join(plain(v) for v in e.get("variants", [])) + "]")
    return "  - {" + ", ".join(fields) + "}"


# ---------------------------------------------------------------------------------------------------------
# Coverage of a corpus of Dockerfiles

COVERED = ["golang", "python", "node", "ruby", "rust", "gcc", "openjdk", "java", "eclipse-temurin", "maven",
           "gradle", "php", "buildpack-deps", "debian", "ubuntu", "alpine", "centos", "fedora", "amazonlinux"]


def corpus_from_lines(root):
    """Counter of (repository, tag) over the FROM lines of every file named Dockerfile below root; a FROM that
    names an earlier stage is not an image."""
    counts = collections.Counter()
    for folder, _, files in os.walk(root):
        for f in files:
            if f != "Dockerfile":
                continue
            try:
                with open(os.path.join(folder, f), encoding="utf-8", errors="replace") as fh:
                    text = re.sub(r"\\\r?\n", " ", fh.read())
            except OSError:
                continue
            stages = set()
            for line in text.splitlines():
                m = re.match(r"\s*FROM\s+(.*)", line, re.I)
                if not m:
                    continue
                parts = [p for p in m.group(1).split() if not p.startswith("--")]
                if not parts:
                    continue
                if len(parts) >= 3 and parts[1].lower() == "as":
                    stages.add(parts[2].lower())
                if parts[0].lower() in stages:
                    continue
                name, tag = split_ref(parts[0])
                if ":" not in parts[0].split("@")[0].rsplit("/", 1)[-1]:
                    tag = ""
                counts[(name, tag)] += 1
    return counts


def coverage(table, root):
    entries = collections.defaultdict(list)
    with open(table) as fh:
        for line in fh:
            m = re.match(r"  - \{repository: (\S+), tag: '((?:[^']|'')*)', (.*)\}$", line)
            if m:
                entries[m.group(1)].append((re.compile(m.group(2).replace("''", "'")), m.group(3)))

    def find(name, tag):
        for rx, rest in entries.get(name, []):
            if rx.fullmatch(tag):
                return rest
        return None
    counts = corpus_from_lines(root)
    total = resolved = with_release = 0
    per = collections.Counter()
    unresolved = collections.Counter()
    frequent = frequent_ok = 0
    for (name, tag), n in counts.items():
        if name not in COVERED:
            continue
        hit = find(name, tag or "latest")
        total += n
        per[name, "from"] += n
        if n >= 20:
            frequent += 1
        if hit:
            resolved += n
            per[name, "resolved"] += n
            frequent_ok += n >= 20
            with_release += n if "release:" in hit else 0
        else:
            unresolved[name + ":" + tag] += n
    print("FROM lines naming a covered repository: %d; resolved: %d (%.1f%%); with a release: %d"
          % (total, resolved, 100.0 * resolved / max(total, 1), with_release))
    print("repository:tag combinations used 20 times or more: %d; resolved: %d" % (frequent, frequent_ok))
    variable = sum(n for k, n in unresolved.items() if "$" in k)
    print("unresolved: %d, of which %d name a build argument ($VAR) in the tag" % (total - resolved, variable))
    for name in COVERED:
        print("  %-16s %6d FROM lines, %6d resolved" % (name, per[name, "from"], per[name, "resolved"]))
    print("most frequent unresolved:")
    for k, n in unresolved.most_common(25):
        print("  %5d %s" % (n, k))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--official-images", help="the git directory of docker-library/official-images")
    ap.add_argument("--coverage", metavar="CORPUS", help="instead of generating: how many FROM lines of the "
                    "Dockerfiles below CORPUS the table (--table) resolves")
    ap.add_argument("--table", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "images.yaml"))
    ap.add_argument("--repo", action="append", default=[], help="OWNER/NAME=DIR")
    ap.add_argument("--dump", help="write every tag's facts as JSON lines to this file")
    ap.add_argument("dirs", nargs="*")
    a = ap.parse_args()
    if a.coverage:
        coverage(a.table, a.coverage)
        return
    if not a.official_images:
        ap.error("--official-images is required to generate the table")
    repos = collections.defaultdict(list)
    for spec in a.repo:
        n, _, d = spec.partition("=")
        git = Git(d)
        git.given = n.lower()
        repos[REPO_ALIASES.get(n.lower(), n.lower())].append(git)
    for d in a.dirs:
        parent = os.path.basename(os.path.dirname(os.path.abspath(d)))
        if "+" not in parent:
            ap.error(d + ": cannot tell its repository; use --repo OWNER/NAME=DIR")
        n = parent.replace("+", "/", 1).lower()
        git = Git(d)
        git.given = n
        repos[REPO_ALIASES.get(n, n)].append(git)
    oi = OfficialImages(a.official_images)
    resolver = Resolver(oi, repos)
    resolver.learn_ubuntu()
    tags = {}
    for name in LANGUAGE_IMAGES + DISTRO_IMAGES:
        tags[name] = all_tags(oi, resolver, name)
        log(name, len(tags[name]), "tags")
    if a.dump:
        with open(a.dump, "w") as out:
            for name, ts in tags.items():
                for t in ts:
                    out.write(json.dumps({"name": name, "tag": t.tag, "commit": t.commit, "first": t.first,
                                          "last": t.last, "current": t.current, "repo": t.entry.repo,
                                          "gitcommit": t.entry.commit, "dir": t.entry.directory,
                                          "windows": is_windows(t.entry), "build": t.build,
                                          "facts": t.facts._asdict() if t.facts else None}) + "\n")
    for k, v in sorted(resolver.missing.items(), key=lambda x: -x[1]):
        log("not read: %d Dockerfiles of %s (%s)" % (v, k[0], k[1]))
    rows, entries = {}, []
    for name in LANGUAGE_IMAGES + DISTRO_IMAGES:
        rows[name] = [r for r in (record(t) for t in tags[name]) if r]
        log("%s: %d tags, %d with what a pull gives" % (name, len(tags[name]), len(rows[name])))
    for name in OUTPUT_ORDER:
        if name in DISTRO_IMAGES:
            entries += distro_entries(name, rows[name], resolver)
        elif name == "buildpack-deps":
            entries += buildpack_entries(rows[name])
        else:
            entries += language_entries(name, rows[name])
    check(entries, rows)
    sys.stdout.write(render(entries, oi, repos))


OUTPUT_ORDER = ["golang", "python", "node", "ruby", "rust", "gcc", "php", "openjdk", "java", "eclipse-temurin",
                "maven", "gradle", "buildpack-deps", "debian", "ubuntu", "alpine", "centos", "fedora", "amazonlinux"]


def first_match(entries_by_repo, name, tag):
    for e, rx in entries_by_repo.get(name, []):
        if rx.fullmatch(tag):
            return e
    return None


def check(entries, rows):
    """Every tag ever listed must resolve, through the entries in order, to its own facts."""
    by_repo = collections.defaultdict(list)
    for e in entries:
        by_repo[e["repository"]].append((e, re.compile(e["tag"])))
    wrong = collections.Counter()
    for name, rs in rows.items():
        for r in rs:
            e = first_match(by_repo, name, r["tag"])
            if e is None:
                wrong[(name, "no entry")] += 1
                log("check: %s:%s has no entry" % (name, r["tag"]))
                continue
            fields = ("family",) if r["family"] == "windows" else ("family", "release", "libc")
            for field in fields:
                if (e.get(field) or None) != (r[field] or None):
                    wrong[(name, field)] += 1
                    log("check: %s:%s %s is %s, the entry says %s" % (name, r["tag"], field, r[field], e.get(field)))
            if r["family"] != "windows" and r.get("line") and e.get("version") \
                    and language_line(name, e["version"]) != r["line"]:
                wrong[(name, "version")] += 1
                log("check: %s:%s version %s, the entry says %s" % (name, r["tag"], r["version"], e["version"]))
    for k, v in sorted(wrong.items()):
        log("check: %d tags of %s with a wrong %s" % (v, k[0], k[1]))
    if not wrong:
        log("check: every tag ever listed resolves to its own facts")


def render(entries, oi, repos):
    sources = ["docker-library/official-images %s (%s)" % (oi.head[:12], oi.head_date)]
    for git in sorted((g for gs in repos.values() for g in gs), key=lambda g: g.given):
        head = git.run("rev-parse", "HEAD").strip()
        date = git.run("log", "-1", "--format=%cs", head).strip()
        sources.append("%s %s (%s)" % (git.given, head[:12], date))
    out = ["# What pulling an official image tag gives (checked %s, from %s and %s)"
           % (MEASURED_ON, sources[0], ", ".join(sources[1:])),
           "# Generated by templates/images-generate.py; templates/images-README.md says how to read and regenerate it.",
           "# An entry is one build (or the superseded builds of one version line that share distribution, release",
           "# and C library); its tag pattern matches exactly the tags that were listed for it. A tag no entry",
           "# matches is not known: whittle must not guess what it gives.",
           "images:"]
    last = None
    for e in entries:
        if e["repository"] != last:
            out.append("  # " + e["repository"])
            last = e["repository"]
        if e.get("_comment"):
            out.append("  # " + e["_comment"])
        out.append(entry_yaml(e))
    out.append("")
    out.append("# Releases whose package repositories are gone: `apt-get update` (yum for centos) fails in an unmodified")
    out.append("# image. Measured %s from this machine (HTTP 404 for dists/SUITE/Release on deb.debian.org," % MEASURED_ON)
    out.append("# security.debian.org, archive.ubuntu.com); centos from the CentOS end-of-life announcements.")
    out.append("archived:")
    for distro, names in ARCHIVED.items():
        out.append("  %s: [%s]" % (distro, ", ".join(dquote(n) for n in names)))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
