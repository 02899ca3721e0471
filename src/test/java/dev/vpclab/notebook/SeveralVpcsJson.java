package dev.vpclab.notebook;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.Hand;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of every reachability cell of designs of several VPCs (built by hand, {@link Hand}),
 * each with the fields every query cell has, for the check of docs/json.md (JsonDocsTest) until
 * such designs are read from source.
 */
public final class SeveralVpcsJson {
  private SeveralVpcsJson() {}

  /** Each cell's JSON text. */
  public static List<String> cells() {
    Layout central = Hand.central().build();
    Layout lost = new Hand("lost").vpc("shared").subnet("shared", "ep-a", "1a")
        .subnet("shared", "ep-b", "1b")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", "ep-a")
        .vpc("app").subnet("app", "app-a", "1a").subnet("app", "app-b", "1b")
        .instance("web", List.of("ssm"), "app-a", "app-b")
        .attach("hub", "shared", "ep-a").attach("hub", "app", "app-a", "app-b")
        .share("ssm", "shared", "app").build();
    List<Output> outs = List.of(
        ReachCells.check(central),
        ReachCells.reach(central, central.instance("web").orElseThrow(), "db"),
        ReachCells.reach(central, central.instance("db").orElseThrow(), "ssm"),
        ReachCells.resolve(central, "ssm", central.instance("web").orElseThrow()),
        ReachCells.fail(central, List.of("us-east-1a")),
        ReachCells.fail(lost, List.of("us-east-1a")),
        ReachCells.resilience(lost),
        ReachCells.expectReaches(central),
        ReachCells.expectReaches(central, central.instance("web").orElseThrow(), "s3"),
        ReachCells.expectSurvives(lost));
    List<String> out = new ArrayList<>();
    int n = 1;
    for (Output o : outs) {
      Json.Obj cell = Json.obj().put("kind", o.kind()).put("cell", n).put("file", "hand.vpc")
          .put("line", n).put("source", "hand");
      o.data().fields().forEach((k, v) -> {
        if (!k.equals("kind")) {
          cell.put(k, v);
        }
      });
      cell.put("expectationFailed", o.failed());
      out.add(Json.write(cell));
      n++;
    }
    return out;
  }
}
