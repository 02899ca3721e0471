package dev.vpclab.importer;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Cidr;
import dev.vpclab.model.Eni;
import dev.vpclab.model.GatewayEndpoint;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Endpoints from {@code describe-vpc-endpoints}: interface endpoints with one ENI per subnet (the
 * first subnet of an AZ if several), private DNS, and an {@code allow} list from their security
 * groups' TCP 443 ingress (CIDRs, and groups referenced by id resolved to their instances'
 * subnets); gateway endpoints. A type absent is Gateway, as the AWS provider has it.
 */
final class Endpoints {
  private final AwsImport at;
  private final Map<String, List<InterfaceEndpoint>> interfaces = new LinkedHashMap<>();
  private final Map<String, List<GatewayEndpoint>> gateways = new LinkedHashMap<>();
  private final List<Json> pending = new ArrayList<>();
  private final List<Json> gatewayRecords = new ArrayList<>();
  private final Allow allows;
  /** Whether the interface endpoints were read: once, whether or not any was kept. */
  private boolean pendingRead;

  Endpoints(AwsImport at) {
    this.at = at;
    this.allows = new Allow(at);
  }

  void add(Json e) throws JsonFault {
    String id = e.text("VpcEndpointId");
    String vpc = at.vpcNames().get(e.text("VpcId"));
    Optional<String> gone = Lifecycle.endpointGone(e);
    if (gone.isPresent()) {
      at.assumed().add("endpoint " + id + " is " + gone.get() + ": left out");
      return;
    }
    if (vpc == null) {
      throw e.field("VpcId").fault("VPC " + e.text("VpcId")
          + " is in no describe-vpcs output given (add aws ec2 describe-vpcs)");
    }
    String serviceName = e.text("ServiceName");
    String prefix = "com.amazonaws." + at.region().code() + ".";
    String service = serviceName.startsWith(prefix) ? serviceName.substring(prefix.length()) : "";
    if (!Services.isKnown(service)) {
      at.assumed().add("endpoint " + id + " for " + serviceName
          + " is not a service vpclab knows: left out");
      return;
    }
    String type = e.optText("VpcEndpointType").orElse("Gateway");
    if (type.equalsIgnoreCase("Gateway")) {
      if (!Services.GATEWAY.contains(service)) {
        throw e.field("ServiceName").fault("a gateway endpoint for " + service
            + ": only s3 and dynamodb have them");
      }
      gateways.computeIfAbsent(vpc, k -> new ArrayList<>())
          .add(new GatewayEndpoint(vpc, service, AwsImport.origin(e, id)));
      gatewayRecords.add(e);
    } else if (type.equalsIgnoreCase("Interface")) {
      pending.add(e);
    } else {
      at.assumed().add("endpoint " + id + " is of type " + type + ": left out");
    }
  }

  /** The gateway endpoints written, as read. */
  List<Json> gatewayRecords() {
    return gatewayRecords;
  }

  List<GatewayEndpoint> gateways(String vpc) {
    List<GatewayEndpoint> list = new ArrayList<>(gateways.getOrDefault(vpc, List.of()));
    list.sort(Comparator.comparing(GatewayEndpoint::service));
    return list;
  }

  List<InterfaceEndpoint> interfaces(String vpc) throws JsonFault {
    if (!pendingRead) {
      pendingRead = true;
      for (Json e : pending) {
        interfaceEndpoint(e);
      }
    }
    List<InterfaceEndpoint> list = new ArrayList<>(interfaces.getOrDefault(vpc, List.of()));
    list.sort(Comparator.comparing(InterfaceEndpoint::service));
    return list;
  }

  private void interfaceEndpoint(Json e) throws JsonFault {
    String id = e.text("VpcEndpointId");
    String vpc = at.vpcNames().get(e.text("VpcId"));
    String service = e.text("ServiceName").substring(
        ("com.amazonaws." + at.region().code() + ".").length());
    List<Eni> enis = new ArrayList<>();
    Set<String> azs = new TreeSet<>();
    for (Json s : e.list("SubnetIds")) {
      Optional<Subnet> in = at.placed(s, "endpoint " + id, true);
      if (in.isEmpty()) {
        continue;
      }
      Subnet sub = in.get();
      if (!azs.add(sub.az())) {
        at.assumed().add("endpoint " + id + " has two subnets in " + sub.az()
            + ": the first kept");
        continue;
      }
      enis.add(new Eni(sub, null, AwsImport.origin(e, id))); // addressed by Addresses.assign
    }
    if (enis.isEmpty()) {
      at.assumed().add("endpoint " + id + " (" + service + ") has no subnet: left out");
      return;
    }
    enis.sort(Comparator.comparing(Eni::az));
    boolean dns = e.flag("PrivateDnsEnabled", false);
    boolean hasGateway = gateways.getOrDefault(vpc, List.of()).stream()
        .anyMatch(g -> g.service().equals(service));
    boolean inboundOnly = dns && hasGateway && (!e.has("DnsOptions")
        || e.field("DnsOptions").flag("PrivateDnsOnlyForInboundResolverEndpoint", true));
    List<AllowRule> allow = allows.rules(e, id);
    boolean defaultAllow = allow.isEmpty();
    if (defaultAllow) {
      allow = List.of(new AllowRule("vpc", at.vpcCidr(e.text("VpcId"))));
    }
    at.endpointVpcs().put(id, vpc);
    interfaces.computeIfAbsent(vpc, k -> new ArrayList<>()).add(new InterfaceEndpoint(vpc,
        service, enis, dns, inboundOnly, allow, defaultAllow, AwsImport.origin(e, id)));
  }
}
