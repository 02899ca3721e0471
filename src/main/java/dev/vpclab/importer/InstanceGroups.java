package dev.vpclab.importer;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Instances from {@code describe-instances}: running or stopped ones (terminated and
 * shutting-down left out), grouped by VPC and Name tag (an instance without one by its id). A
 * group in several subnets is one spread group when its members are split as
 * {@code instance NAME in S1, S2 count N} splits them (evenly, the remainder to the first
 * subnets); otherwise one group per subnet, named after the subnet too.
 */
final class InstanceGroups {
  private final AwsImport at;

  InstanceGroups(AwsImport at) {
    this.at = at;
  }

  /** Instances by VPC name, sorted by name. */
  Map<String, List<Instance>> build(List<Json> instances) throws JsonFault {
    Map<String, Map<Subnet, Integer>> counts = new TreeMap<>();
    Map<String, Json> first = new LinkedHashMap<>();
    for (Json i : instances) {
      String id = i.text("InstanceId");
      if (Lifecycle.instanceGone(i)) {
        continue;
      }
      if (!i.has("SubnetId")) {
        at.assumed().add("instance " + id + " has no subnet (EC2-Classic?): left out");
        continue;
      }
      java.util.Optional<Subnet> in = at.placed(i.field("SubnetId"), "instance " + id, false);
      if (in.isEmpty()) {
        continue;
      }
      Subnet s = in.get();
      String key = s.vpc() + "\u0000" + i.nameTag().orElse(id);
      counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(s, 1, Integer::sum);
      first.putIfAbsent(key, i);
    }
    Map<String, List<Instance>> out = new TreeMap<>();
    for (Map.Entry<String, Map<Subnet, Integer>> e : counts.entrySet()) {
      Json i = first.get(e.getKey());
      String id = i.text("InstanceId");
      String tag = i.nameTag().orElse(id);
      List<Instance.Placement> ps = new ArrayList<>();
      e.getValue().forEach((s, n) -> ps.add(new Instance.Placement(s, n)));
      ps.sort(Comparator.comparingInt(Instance.Placement::count).reversed()
          .thenComparing(p -> p.subnet().cidr()));
      List<Instance> made = new ArrayList<>();
      if (evenSplit(ps)) {
        made.add(new Instance(at.names().name(tag, i, id), ps, List.of(), AwsImport.origin(i, id)));
      } else {
        at.assumed().add("instances named " + tag + " are not split evenly over their subnets:"
            + " one group per subnet");
        for (Instance.Placement p : ps) {
          made.add(new Instance(at.names().name(tag + "-" + p.subnet().name(), i, id),
              List.of(p), List.of(), AwsImport.origin(i, id)));
        }
      }
      out.computeIfAbsent(ps.get(0).subnet().vpc(), k -> new ArrayList<>()).addAll(made);
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(Instance::name)));
    return out;
  }

  private static boolean evenSplit(List<Instance.Placement> ps) {
    int total = ps.stream().mapToInt(Instance.Placement::count).sum();
    for (int k = 0; k < ps.size(); k++) {
      int expected = total / ps.size() + (k < total % ps.size() ? 1 : 0);
      if (ps.get(k).count() != expected) {
        return false;
      }
    }
    return true;
  }
}
