package dev.whittle.split;

import dev.whittle.facts.ImageRef;
import dev.whittle.facts.StageFacts;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Needs;
import dev.whittle.split.Plan.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Java: the jar the start command runs ({@code java ... -jar PATH}), on a JRE of the same version. */
final class JavaApp {
    private JavaApp() {}

    private static final Pattern JDK = Pattern.compile("(?:temurin|openjdk|jdk|corretto|zulu|liberica|sapmachine|graalvm)-?(\\d+)");

    static Outcome plan(SplitInput in) {
        StageFacts f = in.facts();
        List<String> argv = in.argv();
        if (!argv.get(0).equals("java")) {
            String started = String.join(" ", argv.subList(0, Math.min(2, argv.size())));
            if (started.length() > 50) started = started.substring(0, 47) + "...";
            return Outcome.refuse("the image starts `" + started
                    + "`, not `java -jar`: the runtime needs the build tool");
        }
        int jar = argv.indexOf("-jar");
        // the launcher still reads options after -jar (java -jar -Xmx8g app.jar): the jar is the first word that is none
        int file = jar;
        while (file >= 0 && file + 1 < argv.size() && argv.get(file + 1).startsWith("-")) file++;
        if (jar < 0 || file + 1 >= argv.size()) return Outcome.refuse("the start command runs java without -jar: which "
                + "classes to copy is not known");
        String path = argv.get(file + 1);
        if (path.contains("*") || path.contains("$")) {
            return Outcome.refuse("the jar `" + path + "` is named by a pattern: the runtime needs its exact name");
        }
        String resolved = StageFacts.resolve(f.workdir(), path, f.env());
        if (resolved == null) return Outcome.refuse("the jar path `" + path + "` cannot be resolved");
        if (!f.runs("mvn", "mvnw", "gradle", "gradlew", "./mvnw", "./gradlew", "javac", "jar", "sbt", "lein")) {
            return Outcome.refuse(""); // no RUN builds the jar: nothing for a builder stage to do
        }
        int major = javaVersion(f.image());
        if (major < 0) {
            return Outcome.refuse("cannot tell the Java version of " + f.image().written() + " to pick a JRE for it");
        }
        List<String> notes = new ArrayList<>();
        return Outcome.of(new Plan("java", "the jar " + resolved, new Needs(false, false, String.valueOf(major), major),
                List.of(new Copy(resolved, resolved)), null, c -> otherJava(c, f.image(), major),
                c -> c.entrypoint() == null ? null : Start.forEntrypoint(f.start(), c, argv), c -> true, notes));
    }

    /**
     * The note for a runtime whose Java is another build than the builder's: a JRE of another vendor or on another
     * distribution release (openjdk on Debian, maven on Ubuntu, eclipse-temurin). Nothing for the builder's own line.
     */
    private static BuilderChanges otherJava(dev.whittle.facts.Catalog.Candidate c, ImageRef builder, int major) {
        String runtime = ImageRef.parse(c.image().replaceAll("\\{[a-z]+}", "x")).repository();
        String tag = builder.tagOrLatest();
        boolean temurin = builder.repository().equals("eclipse-temurin") || tag.contains("temurin");
        // maven's jdk-N and openjdk-N tags are built on the openjdk image of the same release
        boolean openjdk = builder.repository().equals("maven") && tag.matches("(.*-)?(jdk|openjdk)-?\\d+(-.*)?") && !temurin;
        if (runtime.equals(builder.repository()) || runtime.equals("eclipse-temurin") && temurin
                || runtime.equals("openjdk") && openjdk && "same".equals(c.release())) {
            return BuilderChanges.none();
        }
        return new BuilderChanges(java.util.Map.of(), List.of(), List.of("Java " + major + " from the " + runtime
                + " images, not " + builder.shown() + "'s: another vendor or distribution release (a JRE, not a JDK)"));
    }

    /** The Java major version the build image carries, or -1. */
    static int javaVersion(ImageRef image) {
        String repo = image.repository();
        String tag = image.tag();
        if (repo.equals("maven") || repo.equals("gradle") || repo.equals("sbtscala/scala-sbt")) {
            Matcher m = JDK.matcher(tag);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
        if (List.of("eclipse-temurin", "openjdk", "amazoncorretto", "azul/zulu-openjdk", "bellsoft/liberica-openjdk-debian",
                "sapmachine", "ibm-semeru-runtimes").contains(repo)) {
            return image.major();
        }
        return -1;
    }
}
