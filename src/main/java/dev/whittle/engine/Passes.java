package dev.whittle.engine;

import dev.whittle.pass.Pass;
import dev.whittle.pass.rules.AddToCopy;
import dev.whittle.pass.rules.ArchiveRemoval;
import dev.whittle.pass.rules.ProposeDockerignore;
import dev.whittle.pass.rules.ApkNoCache;
import dev.whittle.pass.rules.AptListsCleanup;
import dev.whittle.pass.rules.AptNoInstallRecommends;
import dev.whittle.pass.rules.ComposerClearCache;
import dev.whittle.pass.rules.GemNoDocument;
import dev.whittle.pass.rules.GoBuildCache;
import dev.whittle.pass.rules.GoGetToInstall;
import dev.whittle.pass.rules.EndOfLifeImage;
import dev.whittle.pass.rules.GoBuildFlags;
import dev.whittle.pass.rules.LegacyKeyValue;
import dev.whittle.pass.rules.ProfileExportToEnv;
import dev.whittle.pass.rules.SecretArgToMount;
import dev.whittle.pass.rules.SecretsToMounts;
import dev.whittle.pass.rules.SplitBuildRuntime;
import dev.whittle.pass.rules.MaintainerToLabel;
import dev.whittle.pass.rules.MergeCopies;
import dev.whittle.pass.rules.MergeRuns;
import dev.whittle.pass.rules.NpmCacheClean;
import dev.whittle.pass.rules.PackageManagerMismatch;
import dev.whittle.pass.rules.PathNotCreated;
import dev.whittle.pass.rules.PipNoCacheDir;
import dev.whittle.pass.rules.PoetryPipenvCache;
import dev.whittle.pass.rules.YarnCacheClean;
import dev.whittle.pass.rules.YumClean;
import dev.whittle.pass.rules.ZypperClean;
import java.util.List;

/** The one ordered list of passes. Levels are data: each pass names the lowest level that runs it. */
public final class Passes {
    private Passes() {}

    public static final List<Pass> ALL = List.of(
            // modernisation: one instruction at a time
            new MaintainerToLabel(),
            new EndOfLifeImage(),
            new PackageManagerMismatch(),
            new PathNotCreated(),
            new AddToCopy(),
            new LegacyKeyValue(),
            new GoGetToInstall(),
            new GoBuildFlags(),
            new ProfileExportToEnv(),
            new SecretsToMounts(),
            new SecretArgToMount(),
            // stages: split a single-stage build before the layer and cache passes look at what ships
            new SplitBuildRuntime(),
            // layers: merging first, so the cache passes see the RUNs as they will ship
            new MergeRuns(),
            new MergeCopies(),
            // package caches, cleaned in the RUN that fills them
            new AptListsCleanup(),
            new AptNoInstallRecommends(),
            new ApkNoCache(),
            new YumClean(),
            new ZypperClean(),
            new PipNoCacheDir(),
            new PoetryPipenvCache(),
            new NpmCacheClean(),
            new YarnCacheClean(),
            new GemNoDocument(),
            new ComposerClearCache(),
            new GoBuildCache(),
            // downloads: an archive goes in the RUN that unpacks it
            new ArchiveRemoval(),
            // last: it adds a file beside the Dockerfile from what the rewritten file still copies
            new ProposeDockerignore());

    /** The built-in passes followed by the given ones (a .whittle.yaml's user rules). */
    public static List<Pass> with(List<Pass> more) {
        if (more.isEmpty()) return ALL;
        List<Pass> all = new java.util.ArrayList<>(ALL);
        all.addAll(more);
        return all;
    }

    public static Pass byId(String id) {
        for (Pass p : ALL) if (p.info().id().equals(id)) return p;
        return null;
    }
}
