package dev.vpclab.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A design from {@code terraform show -json} of a plan or a state (see docs/import.md). The
 * managed resources ({@link TfResources}) become records in the shape of the AWS CLI's describe
 * outputs ({@link TfNetwork}, {@link TfEndpoints}, {@link TfJoins}), with their links followed
 * through the configuration where the plan does not know them yet ({@link TfLinks}); the design
 * rules are then those of {@link AwsImport}, one builder for both readers. Each element's comment
 * names its Terraform address; what could not be resolved is an assumption.
 */
public final class TerraformImport {
  private TerraformImport() {}

  public static AwsImport.Result read(String file, String text, String layoutName)
      throws JsonFault {
    Json root = TerraformFile.parse(file, text);
    TfResources resources = TfResources.of(root);
    List<String> assumed = new ArrayList<>();
    if (!TerraformFile.isPlan(root) && !root.has("values")) {
      assumed.add("the state holds no resources (an empty state): nothing to import");
    }
    TfRecords records = new TfRecords(resources, new TfLinks(resources, assumed));
    new TfNetwork(records).read();
    new TfEndpoints(records).read();
    new TfJoins(records).read();
    return AwsImport.build(records.inputs, layoutName, assumed,
        TerraformFile.providerRegion(root));
  }
}
