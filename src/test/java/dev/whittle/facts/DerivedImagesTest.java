package dev.whittle.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.split.Knowledge;
import org.junit.jupiter.api.Test;

/** The catalog's third-party images (derived): each entry describes its example, and what it is built on is known. */
class DerivedImagesTest {
    private final FactSources sources = Knowledge.shipped().facts();
    private final Catalog catalog = sources.catalog();

    @Test
    void everyEntrysExampleMatchesItAndItsParentsReleaseIsKnown() {
        assertTrue(catalog.derived().size() > 30, "the shipped catalog lists the surveyed images");
        for (Catalog.Derived d : catalog.derived()) {
            assertNotNull(d.example(), d.repository() + " " + d.tag() + ": an example tag");
            assertNotNull(d.source(), d.repository() + " " + d.tag() + ": where it was read");
            ImageRef ref = ImageRef.parse(d.repository() + ":" + d.example());
            Catalog.Derivation found = catalog.derivation(ref);
            assertNotNull(found, ref.written() + " is described");
            assertSame(d, found.entry(), ref.written() + ": the first entry describing it is its own (no entry hides another)");
            assertNotNull(BaseRelease.of(ref, sources), ref.written() + " is built on " + found.parent().written()
                    + ", whose release must be known");
        }
    }

    @Test
    void theParentTakesTheTagsGroups() {
        assertEquals("python:3.8-alpine3.11",
                catalog.derivation(ImageRef.parse("tiangolo/meinheld-gunicorn:python3.8-alpine3.11")).parent().written());
        assertEquals("python:3.8-slim",
                catalog.derivation(ImageRef.parse("tiangolo/uvicorn-gunicorn:python3.8-slim-2024-03-11")).parent().written());
        assertEquals("alpine:3.19", catalog.derivation(ImageRef.parse("lsiobase/alpine:arm64v8-3.19-abc-ls5")).parent().written());
    }

    @Test
    void factsComeFromTheParent() {
        BaseRelease debian = BaseRelease.of(ImageRef.parse("tiangolo/meinheld-gunicorn:python3.8"), sources);
        assertEquals("debian", debian.family()); // the seed's `apk add` cannot run there
        assertEquals(new BaseRelease("ubuntu", "bionic"), BaseRelease.of(ImageRef.parse("phusion/baseimage:0.11"), sources));
        assertEquals("alpine", BaseRelease.of(ImageRef.parse("mhart/alpine-node:12"), sources).family());
        assertEquals("/app", catalog.startWorkdir(ImageRef.parse("tiangolo/uwsgi-nginx-flask:python3.8")));
        assertEquals("/", catalog.startWorkdir(ImageRef.parse("phusion/baseimage:0.11")));
    }

    @Test
    void packagesAreThoseOfTheTagsRow() {
        assertEquals(java.util.List.of("ca-certificates"), catalog.packagesOf(ImageRef.parse("phusion/baseimage:0.9.11")));
        // 0.9.10's prepare.sh installs no ca-certificates: whether it came as a dependency is not known
        assertEquals(java.util.List.of(), catalog.packagesOf(ImageRef.parse("phusion/baseimage:0.9.10")));
        assertEquals(java.util.List.of(), catalog.packagesOf(ImageRef.parse("bitnami/minideb:bookworm")));
        assertEquals(java.util.List.of(), catalog.packagesOf(ImageRef.parse("ubuntu:22.04")));
    }

    @Test
    void tagsTheSurveyCouldNotPlaceAreNotKnown() {
        // phusion's latest and master moved and were removed: which release they give is not known
        assertNull(catalog.derivation(ImageRef.parse("phusion/baseimage:latest")));
        assertNull(catalog.derivation(ImageRef.parse("phusion/baseimage")));
        assertNull(catalog.derivation(ImageRef.parse("phusion/baseimage:master")));
        assertNull(BaseRelease.of(ImageRef.parse("phusion/baseimage:latest"), sources));
        // an unknown repository and a variable tag
        assertNull(catalog.derivation(ImageRef.parse("example/unknown:1")));
        assertNull(catalog.derivation(ImageRef.parse("tiangolo/meinheld-gunicorn:${TAG}")));
    }
}
