package dev.vpclab.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transit gateways themselves, by id ({@code describe-transit-gateways}, or a Terraform
 * reader's {@code aws_ec2_transit_gateway} records): what names them (their Name tag), and
 * whether they are gone, which leaves their attachments out whatever the attachments' own state.
 * A gateway not given is named by its id and gone for nothing.
 */
final class TgwRecords {
  private final Map<String, Json> byId = new HashMap<>();

  TgwRecords(List<Json> records) {
    for (Json t : records) {
      t.optText("TransitGatewayId").ifPresent(id -> byId.putIfAbsent(id, t));
    }
  }

  /** A transit gateway's record, when one was given. */
  Optional<Json> of(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Why an attachment is left out: its own state ({@code deleted}), else its gateway's
   * ({@code on transit gateway tgw-1, which is deleted}); empty when it is kept.
   */
  Optional<String> attachmentGone(Json a) {
    Optional<String> own = Lifecycle.attachmentGone(a);
    if (own.isPresent()) {
      return own;
    }
    String tgw = a.optText("TransitGatewayId").orElse("");
    return of(tgw).flatMap(Lifecycle::tgwGone)
        .map(state -> "on transit gateway " + tgw + ", which is " + state);
  }
}
