package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Region;
import dev.vpclab.model.Vpc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Writing a design and building the text again gives the same design. */
class LayoutWriterTest {
  static final String SEED = """
      region ap-northeast-1
      layout single {
        az 1a subnet private app
        az 1c subnet private ep
        endpoint ssm, ec2messages, ssmmessages in 1c
        instance web in app needs session-manager
        traffic web -> ssm 20 GB
      }
      """;

  static final String PUBLIC_NAT = """
      region us-east-1
      layout edge {
        vpc cidr 10.20.0.0/16
        vpc dns hostnames off
        az 1a subnet public pub-a
        az 1b subnet public
        az 1a subnet private
        az 1b subnet private app-b cidr 10.20.9.0/24
        nat in 1a, 1b
        gateway s3, dynamodb
        endpoint s3 in 1a inbound-only off
        endpoint logs in 1a, app-b private-dns off allow app-b, 10.9.0.0/16
        instance batch in private-1a, app-b count 5 needs logs, internet
        traffic * -> s3 1.5 TB
        traffic batch -> internet 300 MB
      }
      """;

  static final String SEVERAL_VPCS = """
      region us-east-1
      layout central {
        vpc shared cidr 10.0.0.0/16 {
          az 1a subnet private ep-a
          az 1b subnet private ep-b
          endpoint ssm, ec2messages, ssmmessages in 1a, 1b private-dns off allow 10.0.0.0/8
        }
        vpc app cidr 10.1.0.0/16 {
          az 1a subnet private app-a
          az 1b subnet private app-b
          vpc dns off
          instance web in app-a, app-b count 4 needs session-manager, db
        }
        vpc data {
          az 1a subnet private db-a
          az 1b subnet public db-pub
          gateway s3
          instance db in db-a
        }
        tgw hub attach shared, app
        tgw hub attach data in 1a
        peering app, data
        share ssm, ec2messages, ssmmessages from shared with app, data
        traffic web -> db 2 TB
        traffic web -> ssm 50 GB
      }
      """;

  @ParameterizedTest
  @ValueSource(strings = {"single", "edge", "central"})
  void writingThenBuildingGivesTheSameDesign(String name) {
    String source = switch (name) {
      case "single" -> SEED;
      case "edge" -> PUBLIC_NAT;
      default -> SEVERAL_VPCS;
    };
    Layout built = DesignDump.build(source, name);
    String written = LayoutWriter.write(built);
    Layout again = DesignDump.build(written, name);
    assertEquals(DesignDump.of(built), DesignDump.of(again), written);
  }

  @Test
  void theDesignsDifferWhereTheyShould() {
    // the dump is not blind: the seed with its endpoints in 1a is another design
    Layout seed = DesignDump.build(SEED, "single");
    Layout moved = DesignDump.build(SEED.replace("ec2messages, ssmmessages in 1c",
        "ec2messages, ssmmessages in 1c, 1a"), "single");
    assertTrue(!DesignDump.of(seed).equals(DesignDump.of(moved)));
  }

  @Test
  void aCommentStaysOnItsLine() {
    Origin odd = new Origin.AwsId("two\nlines.json", "vpc-1", "$.Vpcs[0]");
    Layout l = new Layout("x", Region.of("eu-west-1").orElseThrow(),
        List.of(new Vpc("prod", dev.vpclab.model.Cidr.parse("10.4.0.0/16"), true, true, odd,
            List.of(), List.of(), List.of(), List.of(), List.of())),
        List.of(), odd);
    String text = LayoutWriter.write(l, List.of("a\rb"));
    assertTrue(text.contains("# two lines.json: vpc-1"), text);
    assertTrue(text.contains("# assumed: a b\n"), text);
  }

  @Test
  void importedElementsCarryTheirOriginAndTheAssumptionsComeFirst() {
    Origin aws = new Origin.AwsId("vpcs.json", "vpc-0abc", "$.Vpcs[0]");
    Layout l = new Layout("imported", Region.of("eu-west-1").orElseThrow(),
        List.of(new Vpc("prod", dev.vpclab.model.Cidr.parse("10.4.0.0/16"), true, true, aws,
            List.of(), List.of(), List.of(), List.of(), List.of())),
        List.of(), aws);
    assertEquals("""
        region eu-west-1
        layout imported {
          # assumed: a choice
          vpc prod cidr 10.4.0.0/16 {  # vpcs.json: vpc-0abc ($.Vpcs[0])
          }
        }
        """, LayoutWriter.write(l, List.of("a choice")));
  }
}
