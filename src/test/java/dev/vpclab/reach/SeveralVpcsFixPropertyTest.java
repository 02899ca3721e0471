package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.Hand;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On random designs of several VPCs (a VPC sharing ssm with the others over a transit gateway or
 * peerings, NAT gateways, spread groups, instances needing each other): the fix of every
 * single-AZ failure, made on the design ({@link FixSuggestion#apply}), mends every pair it can.
 * What stays broken is only what no statement of a fix mends: an instance destination whose every
 * member is down, an endpoint whose VPC has nothing outside the failed AZ.
 */
class SeveralVpcsFixPropertyTest {
  static final String[] AZS = {"1a", "1b", "1c"};

  static Layout random(Random rnd) {
    int n = 2 + rnd.nextInt(2);
    Hand h = new Hand("r");
    List<String> instances = new ArrayList<>();
    List<List<String>> subnetsOf = new ArrayList<>();
    boolean tgw = rnd.nextBoolean();
    for (int v = 0; v < n; v++) {
      String vpc = "v" + v;
      h.vpc(vpc);
      List<String> subnets = new ArrayList<>();
      for (String az : AZS) {
        if (subnets.isEmpty() && az.equals("1c") || rnd.nextInt(3) > 0) {
          h.subnet(vpc, vpc + "-" + az, az);
          subnets.add(vpc + "-" + az);
        }
      }
      if (rnd.nextInt(3) == 0) {
        String az = AZS[rnd.nextInt(3)];
        h.subnet(vpc, vpc + "-pub", az, true).nat(vpc, vpc + "-pub");
      }
      subnetsOf.add(subnets);
      if (v == 0) {
        h.endpoint(vpc, "ssm", false, "10.0.0.0/8", some(rnd, subnets).toArray(new String[0]));
      }
      if (tgw) {
        h.attach("hub", vpc, some(rnd, subnets).toArray(new String[0]));
      } else if (v > 0 && rnd.nextInt(4) > 0) {
        h.peering("v0", vpc);
      }
      for (int i = 0; i < 1 + rnd.nextInt(2); i++) {
        String name = vpc + "-i" + i;
        List<String> needs = new ArrayList<>(List.of("ssm"));
        if (rnd.nextBoolean()) {
          needs.add("internet");
        }
        if (!instances.isEmpty() && rnd.nextBoolean()) {
          needs.add(instances.get(rnd.nextInt(instances.size())));
        }
        h.instance(name, needs, some(rnd, subnets).toArray(new String[0]));
        instances.add(name);
      }
    }
    List<String> with = new ArrayList<>();
    for (int v = 1; v < n; v++) {
      with.add("v" + v);
    }
    return h.share("ssm", "v0", with.toArray(new String[0])).build();
  }

  /** A random non-empty subset, in order. */
  static List<String> some(Random rnd, List<String> all) {
    List<String> out = new ArrayList<>();
    for (String s : all) {
      if (rnd.nextBoolean()) {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      out.add(all.get(rnd.nextInt(all.size())));
    }
    return out;
  }

  @Test
  void theFixOfEverySingleAzFailureMendsWhatAStatementCanMend() {
    Random rnd = new Random(12);
    int fixes = 0;
    int attachments = 0;
    for (int k = 0; k < 300; k++) {
      Layout l = random(rnd);
      for (String az : l.azs()) {
        FailureReport f = FailureAnalysis.fail(l, Set.of(az));
        if (f.fix() == null) {
          for (BrokenPair b : f.broken()) {
            assertTrue(!mendable(l, b, az), "no fix for " + b + " in " + describe(l));
          }
          continue;
        }
        fixes++;
        attachments += f.fix().addedAttachmentAzs().size();
        Layout fixed = f.fix().apply(l);
        assertEquals(l.instances(), fixed.instances());
        FailureReport g = FailureAnalysis.fail(fixed, Set.of(az));
        for (BrokenPair b : g.broken()) {
          assertTrue(!mendable(l, b, az), "still broken after " + f.fix().statement() + ": " + b
              + " in " + describe(l));
        }
      }
    }
    assertTrue(fixes > 100, fixes + " fixes");
    assertTrue(attachments > 10, attachments + " attachment AZs");
  }

  /** Whether a statement of a fix could mend a broken pair. */
  static boolean mendable(Layout l, BrokenPair b, String failedAz) {
    if (b.before() == Via.LOCAL || b.before() == Via.PEERING || b.before() == Via.TGW) {
      return false; // its destination instance is down: no fix spreads an instance
    }
    if (b.before() == Via.ENDPOINT) {
      return l.vpc("v0").orElseThrow().subnets().stream()
          .anyMatch(s -> !s.az().equals(failedAz));
    }
    return true;
  }

  static String describe(Layout l) {
    StringBuilder sb = new StringBuilder();
    l.vpcs().forEach(v -> sb.append(v.name()).append(v.subnets().stream()
        .map(s -> s.name() + (s.isPublic() ? "(pub)" : "")).toList()).append(' ')
        .append(v.endpoints().stream().map(e -> e.service() + e.azs()).toList()).append(' ')
        .append(v.instances().stream().map(i -> i.name() + i.placements().stream()
            .map(p -> p.subnet().name()).toList() + i.needs()).toList()).append("; "));
    l.tgws().forEach(t -> sb.append("tgw ").append(t.attachments().stream()
        .map(a -> a.vpc() + a.azs()).toList()).append("; "));
    l.peerings().forEach(p -> sb.append("pcx ").append(p.a()).append('-').append(p.b())
        .append("; "));
    return sb.toString();
  }
}
