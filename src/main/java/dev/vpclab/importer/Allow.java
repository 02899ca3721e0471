package dev.vpclab.importer;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Cidr;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interface endpoint's {@code allow} list from its security groups: every ingress rule that
 * admits TCP 443 (protocol tcp with 443 in its port range, or all traffic): its IPv4 CIDRs, and
 * each group it references by id resolved to the subnets of the instances in that group. A CIDR
 * that is a subnet's is written as the subnet's name. An empty list means "no rule found", and the
 * endpoint is written without {@code allow} (its VPC's CIDR), with an assumption saying so.
 * One per import: the instances by security group and the subnets by CIDR are indexed once, on
 * first need, so each rule costs its members, not every instance of the account.
 */
final class Allow {
  private static final int HTTPS = 443;
  private final AwsImport at;
  /** The instances (with a subnet) of each group, in the order read; one entry per mention. */
  private Map<String, List<Json>> members;
  /**
   * Where indexing the instances met an instance whose {@code SecurityGroups} is not a list:
   * every look-up reads the instances before it, then fails there, as reading them all would.
   */
  private JsonFault badInstance;
  private Map<Cidr, String> subnetNames;

  Allow(AwsImport at) {
    this.at = at;
  }

  List<AllowRule> rules(Json endpoint, String id) throws JsonFault {
    Map<Cidr, AllowRule> rules = new LinkedHashMap<>();
    List<Json> groups = endpoint.list("Groups");
    for (Json g : groups) {
      String gid = g.text("GroupId");
      Json sg = at.groups().get(gid);
      if (sg == null) {
        at.assumed().add("security group " + gid + " of endpoint " + id
            + " not given (add aws ec2 describe-security-groups): its rules left out");
        continue;
      }
      for (Json p : sg.list("IpPermissions")) {
        if (!admits443(p)) {
          continue;
        }
        for (Json r : p.list("IpRanges")) {
          Cidr c = AwsImport.cidr(r, "CidrIp");
          rules.putIfAbsent(c, new AllowRule(label(c), c));
        }
        for (Json pair : p.list("UserIdGroupPairs")) {
          members(pair.text("GroupId"), id, rules);
        }
      }
    }
    if (rules.isEmpty()) {
      at.assumed().add("endpoint " + id + ": no TCP 443 ingress found in its security groups;"
          + " written without allow (the VPC's CIDR)");
    }
    return new ArrayList<>(rules.values());
  }

  private static boolean admits443(Json p) {
    String proto = p.optText("IpProtocol").orElse("");
    if (proto.equals("-1")) {
      return true;
    }
    if (!proto.equals("tcp") && !proto.equals("6")) {
      return false;
    }
    int from = p.node().path("FromPort").asInt(0);
    int to = p.node().path("ToPort").asInt(65535);
    return from <= HTTPS && HTTPS <= to;
  }

  private void members(String group, String endpoint, Map<Cidr, AllowRule> rules)
      throws JsonFault {
    index();
    boolean any = false;
    for (Json i : members.getOrDefault(group, List.of())) {
      Subnet s = at.subnets().get(i.text("SubnetId"));
      if (s != null) {
        rules.putIfAbsent(s.cidr(), new AllowRule(s.name(), s.cidr()));
        any = true;
      }
    }
    if (badInstance != null) {
      throw badInstance;
    }
    if (!any) {
      at.assumed().add("endpoint " + endpoint + " admits group " + group
          + ", which has no instance given here: that rule left out");
    }
  }

  /**
   * The instances with a subnet by the groups they list, read once; reading stops at the first
   * instance whose groups are not a list (kept as {@link #badInstance}, thrown after the members
   * read before it, as one pass over every instance would).
   */
  private void index() throws JsonFault {
    if (members != null) {
      return;
    }
    members = new HashMap<>();
    for (Json i : at.inputs().instances()) {
      if (!i.has("SubnetId")) {
        continue;
      }
      List<Json> groups;
      try {
        groups = i.list("SecurityGroups");
      } catch (JsonFault f) {
        badInstance = f;
        return;
      }
      for (Json g : groups) {
        members.computeIfAbsent(g.optText("GroupId").orElse(""), k -> new ArrayList<>()).add(i);
      }
    }
  }

  private String label(Cidr c) {
    if (subnetNames == null) {
      subnetNames = new HashMap<>();
      for (Subnet s : at.subnets().values()) {
        subnetNames.putIfAbsent(s.cidr(), s.name());
      }
    }
    String name = subnetNames.get(c);
    return name != null ? name : c.toString();
  }
}
