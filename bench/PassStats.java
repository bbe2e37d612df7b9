import dev.whittle.syntax.*; import dev.whittle.tree.*; import dev.whittle.core.*; import dev.whittle.engine.*; import dev.whittle.pass.*; import dev.whittle.report.*;
import java.nio.file.*; import java.util.*; import java.util.concurrent.*; import java.util.concurrent.atomic.*;
/** Corpus-wide pass statistics: files changed per pass, findings, idempotence, exceptions. */
public class PassStats { public static void main(String[] a) throws Exception {
  List<Path> files = Files.readAllLines(Path.of(a[0])).stream().map(Path::of).toList();
  AtomicInteger parsed = new AtomicInteger(), changed = new AtomicInteger(), notIdem = new AtomicInteger(), treeDiff = new AtomicInteger(), crash = new AtomicInteger();
  Map<String,AtomicInteger> perPass = new ConcurrentHashMap<>(), findings = new ConcurrentHashMap<>();
  long t0 = System.nanoTime();
  files.parallelStream().forEach(f -> { try { Dockerfile d; try { d = DockerfileReader.read(Files.readAllBytes(f)); } catch (SyntaxError e) { return; }
    parsed.incrementAndGet(); Optimizer.Result r = Optimizer.optimize(d, Optimizer.Options.of(Level.AGGRESSIVE));
    Set<String> ids = new HashSet<>(); for (Change c : r.changes()) { if (c.applied()) ids.add(c.passId()); else findings.computeIfAbsent(c.passId(), k->new AtomicInteger()).incrementAndGet(); }
    ids.forEach(id -> perPass.computeIfAbsent(id, k->new AtomicInteger()).incrementAndGet());
    if (r.changed()) { changed.incrementAndGet(); Dockerfile again = DockerfileReader.read(SourceText.encode(r.output().print()));
      if (!again.equals(r.output()) && treeDiff.incrementAndGet() <= 10) System.out.println("tree differs from a whole read: " + f);
      if (Optimizer.optimize(again, Optimizer.Options.of(Level.AGGRESSIVE)).changed() && notIdem.incrementAndGet() <= 10) System.out.println("not idempotent: " + f); }
  } catch (Throwable e) { if (crash.incrementAndGet() < 5) { System.out.println(f + " " + e); } } });
  System.out.printf("%d files, %d parsed, %d changed, %d not idempotent, %d trees unlike a whole read, %d exceptions, %.1f s%n", files.size(), parsed.get(), changed.get(), notIdem.get(), treeDiff.get(), crash.get(), (System.nanoTime()-t0)/1e9);
  System.out.println("files changed per pass: " + perPass + "; findings: " + findings);
}}
