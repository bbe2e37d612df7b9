package dev.whittle.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whittle.syntax.DockerfileReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageEffectsTest {

    private static List<String> effects(String dockerfile) {
        StageFacts f = StageFacts.of(DockerfileReader.read(dockerfile, false).stages().get(0), "/");
        return StageEffects.of(f).effects().stream()
                .map(e -> e.kind() + " " + (e.path() == null ? e.detail() : e.path()))
                .toList();
    }

    @Test
    void copiesWorkdirsAndKnownCommands() {
        assertEquals(List.of("DIRECTORY /app", "COPIED /app", "INSTALLED curl", "INSTALLED ca-certificates",
                        "WRITTEN /opt/tool/tool.tgz", "WRITTEN /opt/tool", "REMOVED /opt/tool/tool.tgz",
                        "DIRECTORY /var/log/app", "BUILT /app"),
                effects("""
                        FROM debian:bookworm
                        WORKDIR /app
                        COPY . .
                        RUN apt-get update && apt-get install -y curl ca-certificates
                        RUN cd /opt/tool && curl -fsSL -o tool.tgz https://example.com/tool.tgz && tar xzf tool.tgz && rm tool.tgz
                        RUN mkdir -p /var/log/app && make
                        """));
    }

    @Test
    void usersHomesAndOwners() {
        assertEquals(List.of("USER app", "WRITTEN /etc/passwd", "WRITTEN /etc/group", "WRITTEN /etc/shadow",
                        "DIRECTORY /home/app", "OWNED /home/app", "OWNED /srv"),
                effects("""
                        FROM debian:bookworm
                        RUN useradd -m -s /bin/bash app && chown -R app:app /srv
                        """));
    }

    @Test
    void globalNpmInstallsAndDownloadsByName() {
        assertEquals(List.of("MODULES /usr/local/lib/node_modules/nodemon", "MODULES /usr/local/lib/node_modules/@scope/cli",
                        "MODULES /usr/local/bin", "WRITTEN /root/data/corpus.zip", "BUILT /usr/src/app"),
                effects("""
                        FROM node:18
                        RUN npm install -g nodemon @scope/cli@1.2
                        RUN wget -P /root/data https://example.com/corpus.zip
                        WORKDIR /usr/src/app
                        RUN npm install
                        """).stream().filter(s -> !s.startsWith("DIRECTORY")).toList());
    }

    @Test
    void unknownCommandsAreMarkedWithTheirText() {
        assertEquals(List.of("UNKNOWN ./install.sh --prefix=/opt", "UNKNOWN make install",
                        "UNKNOWN python -c \"import nltk; nltk.download('punkt')\"", "UNKNOWN bash -"),
                effects("""
                        FROM python:3.11
                        RUN ./install.sh --prefix=/opt && make install
                        RUN python -c "import nltk; nltk.download('punkt')"
                        RUN curl -sL https://deb.nodesource.com/setup_18.x | bash -
                        """));
    }

    @Test
    void packageSourcesAreNoticed() {
        assertEquals(List.of("WRITTEN /etc/apt/sources.list.d/x.list", "SOURCE_ADDED /etc/apt/sources.list.d/x.list",
                        "SOURCE_ADDED add-apt-repository ppa:x/y"),
                effects("""
                        FROM ubuntu:22.04
                        RUN echo "deb http://example.com/ stable main" > /etc/apt/sources.list.d/x.list
                        RUN add-apt-repository ppa:x/y
                        """));
    }
}
