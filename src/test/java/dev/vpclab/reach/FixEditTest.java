package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A fix made on the design ({@link FixSuggestion#apply}) is the design the builder makes of the
 * layout's statements followed by the fix's: same subnets, ENIs (and their addresses), NAT
 * gateways and attachments. So the fix's statement is valid source, and its price (the fixed
 * design's cost less the design's) is the price of what the user would paste.
 */
class FixEditTest {
  static final String CENTRAL = """
      vpc shared cidr 10.0.0.0/16 {
        az 1a subnet private ep-a
        az 1b subnet private ep-b
        endpoint ssm, ec2messages, ssmmessages in 1a private-dns off allow 10.0.0.0/8
      }
      vpc app cidr 10.1.0.0/16 {
        az 1a subnet private app-a
        az 1b subnet private app-b
        az 1a subnet public edge-a
        nat in 1a
        instance web in app-b count 2 needs session-manager, internet
      }
      vpc data cidr 10.2.0.0/16 {
        az 1a subnet private db-a
        az 1b subnet private db-b
        az 1a subnet public public-1b
        instance job in db-b needs ssm
      }
      tgw hub attach shared in 1a
      tgw hub attach app, data
      share ssm, ec2messages, ssmmessages from shared with app, data
      """;

  static String shape(Layout l) {
    StringBuilder sb = new StringBuilder();
    l.vpcs().forEach(v -> sb.append(v.name()).append(' ')
        .append(v.subnets().stream().map(s -> s.name() + "/" + s.az() + "/" + s.cidr() + (s.isPublic() ? "/pub"
            : "")).sorted().toList())
        .append(v.endpoints().stream().map(e -> e.service() + (e.privateDns() ? "" : "/dns-off")
            + (e.inboundOnly() ? "/inbound-only" : "") + e.allow() + e.enis().stream()
            .map(x -> x.subnet().name() + "=" + x.ip()).toList()).toList())
        .append(v.nats().stream().map(n -> n.subnet().name() + "=" + n.ip()).toList())
        .append('\n'));
    l.tgws().forEach(t -> sb.append(t.name()).append(t.attachments().stream()
        .map(a -> a.vpc() + a.subnets().stream().map(s -> s.name()).toList()).toList())
        .append('\n'));
    return sb.toString();
  }

  void sameAsBuilt(String design, String failedAz, String expectedFix) {
    Layout l = TestLayouts.layout(design);
    FailureReport f = FailureAnalysis.fail(l, Set.of(failedAz));
    assertNotNull(f.fix(), f.toString());
    assertEquals(expectedFix, f.fix().statement());
    Layout built = TestLayouts.extended(design, f.fix().statement());
    assertEquals(shape(built), shape(f.fix().apply(l)));
  }

  @Test
  void aFixInSeveralVpcsIsWhatTheBuilderMakesOfItsStatements() {
    sameAsBuilt(CENTRAL, "us-east-1a", "vpc shared { endpoint ssm, ec2messages, ssmmessages in"
        + " 1a, 1b private-dns off allow 10.0.0.0/8 }; vpc app { az 1b subnet public app-public-1b;"
        + " nat in 1b };"
        + " tgw hub attach shared in 1a, 1b");
  }

  @Test
  void aFixInOneVpcIsWhatTheBuilderMakesOfItsStatements() {
    sameAsBuilt(TestLayouts.SEED_SINGLE, "us-east-1c",
        "endpoint ssm, ec2messages, ssmmessages in 1a, 1c");
    sameAsBuilt("""
        az 1a subnet public
        az 1a subnet private app
        az 1b subnet private db
        nat in 1a
        endpoint logs in 1a allow app, db
        instance w in db needs internet, logs
        """, "us-east-1a", "endpoint logs in 1a, 1b allow app, db; az 1b subnet public; nat in 1b");
  }

  @Test
  void fixesOfSeveralVpcsNeverNameOneSubnetTwice() {
    Layout l = TestLayouts.layout("""
        vpc a { az 1a subnet public pa; az 1b subnet private a-b; nat in 1a
                instance x in a-b needs internet }
        vpc b { az 1a subnet public pb; az 1b subnet private b-b; nat in 1a
                instance y in b-b needs internet }
        """);
    FixSuggestion fix = FailureAnalysis.fail(l, Set.of("us-east-1a")).fix();
    assertEquals("vpc a { az 1b subnet public; nat in 1b }; vpc b { az 1b subnet public"
        + " b-public-1b; nat in 1b }", fix.statement());
    assertEquals(List.of("public-1b", "b-public-1b"), fix.apply(l).subnets().stream()
        .filter(s -> s.isPublic() && s.az().equals("us-east-1b")).map(s -> s.name()).toList());
  }
}
