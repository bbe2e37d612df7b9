import dev.whittle.core.*; import dev.whittle.engine.*; import dev.whittle.facts.*; import dev.whittle.split.*; import dev.whittle.syntax.*; import dev.whittle.tree.*;
import java.nio.file.*; import java.util.*; import java.util.concurrent.*; import java.util.concurrent.atomic.*;
/** Corpus-wide stage-split statistics: split / refused per language, top refusal reasons, idempotence of the splits. */
public class SplitStats { public static void main(String[] a) throws Exception {
  List<Path> files = Files.readAllLines(Path.of(a[0])).stream().map(Path::of).toList();
  Level level = Level.valueOf(a[1].toUpperCase(Locale.ROOT));
  Map<String, AtomicInteger> split = new ConcurrentSkipListMap<>(), refused = new ConcurrentSkipListMap<>(), reasons = new ConcurrentHashMap<>(), images = new ConcurrentHashMap<>();
  AtomicInteger single = new AtomicInteger(), multi = new AtomicInteger(), unknown = new AtomicInteger(), nothing = new AtomicInteger(), notIdem = new AtomicInteger(), crash = new AtomicInteger();
  long t0 = System.nanoTime();
  files.parallelStream().forEach(f -> { try {
    Dockerfile d; try { d = DockerfileReader.read(Files.readAllBytes(f)); } catch (SyntaxError e) { return; }
    if (d.stages().size() != 1) { multi.incrementAndGet(); return; }
    single.incrementAndGet();
    String lang = Toolchain.detect(StageFacts.of(d.stages().get(0), null)) /* the language needs no working directory */;
    if (lang == null) { unknown.incrementAndGet(); return; }
    SplitPlanner.Decision dec = SplitPlanner.decide(d, BuildContext.none(), Knowledge.shipped(), level);
    if (dec.split() != null) {
      split.computeIfAbsent(lang, k -> new AtomicInteger()).incrementAndGet();
      images.computeIfAbsent(dec.split().image().replaceAll(":.*", ""), k -> new AtomicInteger()).incrementAndGet();
      Optimizer.Result r = Optimizer.optimize(d, Optimizer.Options.of(level));
      Dockerfile again = DockerfileReader.read(SourceText.encode(r.output().print()));
      if (Optimizer.optimize(again, Optimizer.Options.of(level)).changed() && notIdem.incrementAndGet() <= 5) System.out.println("not idempotent: " + f);
    } else if (dec.reason().isEmpty()) { nothing.incrementAndGet();
    } else {
      refused.computeIfAbsent(lang, k -> new AtomicInteger()).incrementAndGet();
      String key = dec.reason().replaceAll("`[^`]*`", "`…`").replaceAll("\\([^)]*\\)", "(…)").replaceAll("/[^ ;:,]+", "/…")
          .replaceAll("(comes from|runs what) [a-z0-9./_-]+(:[A-Za-z0-9._…-]+)?", "$1 IMAGE").replaceAll("installs [A-Za-z0-9._+-]+", "installs PKG")
          .replaceAll("no runtime image in the catalog fits: .*", "no runtime image in the catalog fits (C library / release)");
      reasons.computeIfAbsent(lang + ": " + key, k -> new AtomicInteger()).incrementAndGet();
    }
  } catch (Throwable e) { if (crash.incrementAndGet() < 5) { System.out.println(f + " " + e); e.printStackTrace(System.out); } } });
  System.out.printf("level %s: %d files; %d multi-stage (not split again); %d single-stage: %d of no known language, %d with nothing to split%n",
      a[1], files.size(), multi.get(), single.get(), unknown.get(), nothing.get());
  System.out.println("language   split  refused");
  Set<String> langs = new TreeSet<>(split.keySet()); langs.addAll(refused.keySet());
  for (String l : langs) System.out.printf("%-8s %7d %8d%n", l, split.getOrDefault(l, new AtomicInteger()).get(), refused.getOrDefault(l, new AtomicInteger()).get());
  System.out.println("runtime images chosen: " + top(images, 10));
  System.out.println("top refusal reasons:");
  reasons.entrySet().stream().sorted((x, y) -> y.getValue().get() - x.getValue().get()).limit(15)
      .forEach(e -> System.out.printf("%7d  %s%n", e.getValue().get(), e.getKey()));
  System.out.printf("%d split outputs not idempotent, %d exceptions, %.1f s%n", notIdem.get(), crash.get(), (System.nanoTime() - t0) / 1e9);
}
static String top(Map<String, AtomicInteger> m, int n) { StringBuilder s = new StringBuilder();
  m.entrySet().stream().sorted((x, y) -> y.getValue().get() - x.getValue().get()).limit(n).forEach(e -> s.append(e.getKey()).append(' ').append(e.getValue().get()).append("; "));
  return s.toString(); }
}
