package dev.vpclab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.cli.Main;
import dev.vpclab.importer.AwsImport;
import dev.vpclab.importer.Import;
import dev.vpclab.model.Layout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import benchmark's account, at 3 VPCs, imports from both shapes into the design it says,
 * and the file written runs and costs what is worked out by hand.
 */
class ImportBenchTest {
  static final int VPCS = 3;

  // 730 hours, us-east-1 (PRICING.md):
  // interface endpoints: 5 a VPC + sts, ecr.api, ecr.dkr in the shared one = 18, 3 AZs each:
  //   18 x 3 x 730 x 0.01 = 394.20
  // NAT gateways: 3 a VPC = 9: 9 x 730 x 0.045 = 295.65; their Elastic IPs 9 x 730 x 0.005 = 32.85
  // transit gateway attachments: 3 x 730 x 0.05 = 109.50
  // private hosted zones: 3 (one per shared service) x 0.50 = 1.50
  // the S3 gateway endpoints and the peering: free; no traffic: no variable cost
  // 394.20 + 295.65 + 32.85 + 109.50 + 1.50 = 833.70
  static final String TOTAL = "total     833.70 USD";

  @Test
  void theAwsCliOutputsImportAndRun(@TempDir Path dir) throws Exception {
    List<AwsImport.Input> in = new ArrayList<>();
    for (Map.Entry<String, String> f : ImportBench.awsFiles(VPCS).entrySet()) {
      in.add(new AwsImport.Input(f.getKey(), f.getValue()));
    }
    AwsImport.Result r = Import.read("aws", in, "imported");
    checkDesign(r.layout());
    assertTrue(runs(dir, r.text()).contains(TOTAL));
  }

  @Test
  void theTerraformStateImportsAndRuns(@TempDir Path dir) throws Exception {
    AwsImport.Result r = Import.read("terraform",
        List.of(new AwsImport.Input("state.json", ImportBench.state(VPCS))), "imported");
    checkDesign(r.layout());
    assertTrue(r.text().contains("  tgw core attach shared in 1a, 1b, 1c  # state.json:"
        + " aws_ec2_transit_gateway_vpc_attachment.spoke[\"shared\"]\n"), r.text());
    assertTrue(runs(dir, r.text()).contains(TOTAL));
  }

  private static void checkDesign(Layout l) {
    assertEquals(VPCS, l.vpcs().size());
    assertEquals(VPCS * 12, l.vpcs().stream().mapToInt(v -> v.subnets().size()).sum());
    assertEquals(VPCS * 3, l.vpcs().stream().flatMap(v -> v.subnets().stream())
        .filter(s -> s.isPublic()).count());
    assertEquals(VPCS * 50, l.instanceCount());
    assertEquals(VPCS * 3, l.vpcs().stream().mapToInt(v -> v.nats().size()).sum());
    assertEquals(5 * VPCS + 3, l.vpcs().stream().mapToInt(v -> v.endpoints().size()).sum());
    assertEquals(1, l.tgws().size());
    assertEquals(VPCS, l.tgws().get(0).attachments().size());
    assertEquals(1, l.peerings().size());
    assertEquals(3, l.shares().size());
    assertEquals(List.of("spoke-002", "spoke-003"), l.shares().get(0).with());
  }

  /** Runs the imported file as {@code vpclab run} does; its report. */
  private static String runs(Path dir, String text) throws IOException {
    Path f = dir.resolve("imported.vpc");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream none = InputStream.nullInputStream();
    int status = Main.run(new String[] {"run", f.toString()}, none,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, report + err.toString(StandardCharsets.UTF_8));
    return report;
  }
}
