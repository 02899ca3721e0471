package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Properties over a few hundred generated layouts (fixed seeds: reproducible). */
class ReachPropertiesTest {
  static final String REGION = "us-east-1";
  static final List<String> SERVICES = List.of("ssm", "logs", "sqs", "kms", "s3", "dynamodb",
      "sts");
  static final int LAYOUTS = 300;

  /** A random valid layout; {@code azs} receives the short AZ names it uses. */
  static String generate(Random rnd, List<String> azs, List<String> subnets) {
    StringBuilder sb = new StringBuilder();
    List<String> letters = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f"));
    java.util.Collections.shuffle(letters, rnd);
    int n = 1 + rnd.nextInt(4);
    List<String> publicAzs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String az = "1" + letters.get(i);
      azs.add(az);
      int priv = 1 + rnd.nextInt(2);
      for (int k = 0; k < priv; k++) {
        String name = "p" + letters.get(i) + k;
        subnets.add(name);
        sb.append("az ").append(az).append(" subnet private ").append(name).append('\n');
      }
      if (rnd.nextInt(2) == 0) {
        String name = "pub" + letters.get(i);
        subnets.add(name);
        publicAzs.add(az);
        sb.append("az ").append(az).append(" subnet public ").append(name).append('\n');
      }
    }
    for (String az : publicAzs) {
      if (rnd.nextInt(3) > 0) {
        sb.append("nat in ").append(az).append('\n');
      }
    }
    if (rnd.nextInt(10) == 0) {
      sb.append("vpc dns hostnames off\n");
    }
    for (String s : SERVICES) {
      if (rnd.nextInt(2) == 0) {
        List<String> at = someOf(rnd, azs);
        sb.append("endpoint ").append(s).append(" in ").append(String.join(", ", at));
        if (rnd.nextInt(5) == 0) {
          sb.append(" private-dns off");
        }
        if (rnd.nextInt(5) == 0) {
          sb.append(" allow ").append(String.join(", ", someOf(rnd, subnets)));
        }
        sb.append('\n');
      }
    }
    if (rnd.nextInt(2) == 0) {
      sb.append("gateway s3\n");
    }
    int instances = 1 + rnd.nextInt(5);
    for (int i = 0; i < instances; i++) {
      sb.append("instance i").append(i).append(" in ")
          .append(subnets.get(rnd.nextInt(subnets.size()))).append(" needs ")
          .append(String.join(", ", someOf(rnd, SERVICES))).append('\n');
      if (rnd.nextInt(3) == 0) {
        sb.append("traffic i").append(i).append(" -> internet 1 GB\n");
      }
    }
    return sb.toString();
  }

  static List<String> someOf(Random rnd, List<String> from) {
    Set<String> out = new LinkedHashSet<>();
    int k = 1 + rnd.nextInt(from.size());
    for (int i = 0; i < k; i++) {
      out.add(from.get(rnd.nextInt(from.size())));
    }
    return new ArrayList<>(out);
  }

  static String full(String shortAz) {
    return "us-east-" + shortAz;
  }

  @Test
  void addingAnEndpointNeverMakesAReachablePairUnreachable() {
    Random rnd = new Random(42);
    int checked = 0;
    for (int n = 0; n < LAYOUTS; n++) {
      List<String> azs = new ArrayList<>();
      String text = generate(rnd, azs, new ArrayList<>());
      Layout before = TestLayouts.layout(REGION, text);
      String service = SERVICES.get(rnd.nextInt(SERVICES.size()));
      if (before.endpoint(service).isPresent()) {
        continue; // a new endpoint (default security group, private DNS on)
      }
      Layout after = TestLayouts.layout(REGION, text + "endpoint " + service + " in "
          + String.join(", ", someOf(rnd, azs)));
      checked += assertNoLoss(before, after, Set.of(), text);
    }
    assertTrue(checked > 100, "too few pairs checked: " + checked);
  }

  @Test
  void addingAnEniToAnEndpointNeverBreaksAPairEvenWithAnAzDown() {
    Random rnd = new Random(7);
    int checked = 0;
    for (int n = 0; n < LAYOUTS; n++) {
      List<String> azs = new ArrayList<>();
      String text = generate(rnd, azs, new ArrayList<>());
      Layout before = TestLayouts.layout(REGION, text);
      if (before.endpoints().isEmpty()) {
        continue;
      }
      var ep = before.endpoints().get(rnd.nextInt(before.endpoints().size()));
      TreeSet<String> places = new TreeSet<>();
      ep.enis().forEach(e -> places.add(before.region().shortAz(e.az())));
      places.add(azs.get(rnd.nextInt(azs.size())));
      String line = "endpoint " + ep.service() + " in " + String.join(", ", places)
          + (ep.privateDns() ? "" : " private-dns off")
          + (ep.defaultAllow() ? "" : " allow " + String.join(", ",
              ep.allow().stream().map(a -> a.label()).toList()));
      Layout after = TestLayouts.layout(REGION, text + line);
      for (String az : azs) {
        checked += assertNoLoss(before, after, Set.of(full(az)), text + line);
      }
    }
    assertTrue(checked > 100, "too few pairs checked: " + checked);
  }

  private static int assertNoLoss(Layout before, Layout after, Set<String> failed, String text) {
    List<PairResult> b = ReachEngine.check(before, failed);
    List<PairResult> a = ReachEngine.check(after, failed);
    assertEquals(b.size(), a.size());
    int n = 0;
    for (int i = 0; i < b.size(); i++) {
      if (b.get(i).reachable()) {
        n++;
        assertTrue(a.get(i).reachable(), () -> "lost " + a + "\n" + text);
      }
    }
    return n;
  }

  @Test
  void failingAnAzNeverMakesAnUnreachablePairReachable() {
    Random rnd = new Random(1234);
    int unreachable = 0;
    for (int n = 0; n < LAYOUTS; n++) {
      List<String> azs = new ArrayList<>();
      String text = generate(rnd, azs, new ArrayList<>());
      Layout l = TestLayouts.layout(REGION, text);
      List<PairResult> base = ReachEngine.check(l, Set.of());
      for (String az : azs) {
        Set<String> one = Set.of(full(az));
        List<PairResult> after = ReachEngine.check(l, one);
        for (int i = 0; i < base.size(); i++) {
          if (!base.get(i).reachable()) {
            unreachable++;
            assertFalse(after.get(i).reachable(), text);
          }
        }
        // a second AZ down on top of the first: still monotone
        String other = azs.get(rnd.nextInt(azs.size()));
        List<PairResult> two = ReachEngine.check(l, new TreeSet<>(List.of(full(az), full(other))));
        for (int i = 0; i < base.size(); i++) {
          if (!after.get(i).reachable()) {
            assertFalse(two.get(i).reachable(), text);
          }
        }
      }
    }
    assertTrue(unreachable > 50, "too few unreachable pairs: " + unreachable);
  }

  @Test
  void anEniForEveryNeededServiceInEveryAzWithInstancesSurvives() {
    Random rnd = new Random(99);
    for (int n = 0; n < LAYOUTS; n++) {
      List<String> azs = new ArrayList<>();
      List<String> subnets = new ArrayList<>();
      String text = generate(rnd, azs, subnets);
      Layout l = TestLayouts.layout(REGION, text);
      TreeSet<String> needed = new TreeSet<>();
      TreeSet<String> instanceAzs = new TreeSet<>();
      for (var i : l.instances()) {
        needed.addAll(i.needs());
        instanceAzs.add(l.region().shortAz(i.az()));
      }
      needed.remove("internet");
      // every needed service gets a full-coverage endpoint; NAT and DNS settings stay out of it
      StringBuilder sb = new StringBuilder();
      for (String line : text.split("\n")) {
        if (!line.startsWith("endpoint") && !line.startsWith("traffic")
            && !line.startsWith("vpc dns")) {
          sb.append(line).append('\n');
        }
      }
      sb.append("endpoint ").append(String.join(", ", needed)).append(" in ")
          .append(String.join(", ", instanceAzs)).append('\n');
      Layout full = TestLayouts.layout(REGION, sb.toString());
      ResilienceReport r = FailureAnalysis.resilience(full);
      // nothing breaks; the layout survives unless every subnet is in one AZ (then it goes
      // down whole with that AZ)
      assertTrue(r.rows().stream().allMatch(FailureReport::breaksNothing), sb::toString);
      assertEquals(full.azs().size() > 1, r.survivesAzFailure(), sb::toString);
      assertEquals(full.azs(), r.rows().stream().map(x -> x.failed().get(0)).toList());
      assertTrue(ReachEngine.check(full, Set.of()).stream().allMatch(PairResult::reachable));
    }
  }

  @Test
  void checkOfACopyAgrees() {
    Random rnd = new Random(5);
    for (int n = 0; n < LAYOUTS; n++) {
      String text = generate(rnd, new ArrayList<>(), new ArrayList<>());
      Layout a = TestLayouts.layout("a", REGION, text);
      Layout b = TestLayouts.layout("b", REGION, "# a copy\n" + text);
      assertEquals(ReachEngine.check(a, Set.of()), ReachEngine.check(b, Set.of()));
      assertEquals(ReachEngine.warnings(a), ReachEngine.warnings(b));
      assertEquals(FailureAnalysis.resilience(a).rows().stream().map(FailureReport::broken)
          .toList(), FailureAnalysis.resilience(b).rows().stream().map(FailureReport::broken)
          .toList());
    }
  }

  @Test
  void decisionsDoNotDependOnMemoisationOrder() {
    Random rnd = new Random(11);
    for (int n = 0; n < 100; n++) {
      String text = generate(rnd, new ArrayList<>(), new ArrayList<>());
      Layout l = TestLayouts.layout(REGION, text);
      List<PairResult> all = ReachEngine.check(l, Set.of());
      int k = 0;
      for (var i : l.instances()) {
        for (String s : i.needs()) {
          assertEquals(all.get(k++), ReachEngine.path(l, i, s, Set.of()));
        }
      }
    }
  }

  @Test
  void failBreaksExactlyThePairsTwoChecksDisagreeOn() {
    // the definition, from two plain checks: a pair breaks when its instance is in a healthy AZ
    // and it is reachable with every AZ up and unreachable with the AZs down
    Random rnd = new Random(31);
    int broken = 0;
    for (int n = 0; n < LAYOUTS; n++) {
      List<String> azs = new ArrayList<>();
      Layout l = TestLayouts.layout(REGION, generate(rnd, azs, new ArrayList<>()));
      Set<String> failed = new TreeSet<>(someOf(rnd, azs).stream()
          .map(ReachPropertiesTest::full).toList());
      List<PairResult> before = ReachEngine.check(l, Set.of());
      List<PairResult> after = ReachEngine.check(l, failed);
      List<String> expected = new ArrayList<>();
      for (int k = 0; k < before.size(); k++) {
        PairResult b = before.get(k);
        String az = l.instance(b.instance()).orElseThrow().az();
        if (!failed.contains(az) && b.reachable() && !after.get(k).reachable()) {
          expected.add(b.instance() + " " + b.service() + " " + after.get(k).reasons());
        }
      }
      FailureReport f = FailureAnalysis.fail(l, failed);
      assertEquals(expected, f.broken().stream()
          .map(p -> p.instance() + " " + p.service() + " " + p.reasons()).toList());
      assertEquals(List.copyOf(failed), f.failed());
      broken += expected.size();
    }
    assertTrue(broken > 50, "too few broken pairs: " + broken);
  }

  @Test
  void resilienceAgreesWithFailingEachAzInTurn() {
    Random rnd = new Random(21);
    int broken = 0;
    for (int n = 0; n < LAYOUTS; n++) {
      Layout l = TestLayouts.layout(REGION, generate(rnd, new ArrayList<>(), new ArrayList<>()));
      ResilienceReport r = FailureAnalysis.resilience(l);
      List<FailureReport> each = l.azs().stream()
          .map(az -> FailureAnalysis.fail(l, Set.of(az))).toList();
      assertEquals(each, r.rows());
      broken += r.brokenPairs();
      assertEquals(l.azs().size() > 1 && each.stream().allMatch(FailureReport::breaksNothing),
          r.survivesAzFailure());
      assertEquals(l.azs().size() == 1, r.singleAz());
      assertEquals(ReachEngine.check(l, Set.of()).stream().filter(p -> !p.reachable()).count(),
          r.unreachablePairs());
    }
    assertTrue(broken > 50, "too few broken pairs: " + broken);
  }
}
