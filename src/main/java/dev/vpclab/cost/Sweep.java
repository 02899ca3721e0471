package dev.vpclab.cost;

import dev.vpclab.model.Layout;
import dev.vpclab.model.Traffic;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cost against traffic ({@code sweep traffic A .. B [step S] over a, b}) and the exact break-even
 * volumes. Pure: no I/O, no printing; money and volumes are exact throughout.
 *
 * <p><b>How traffic is varied.</b> The sweep variable X (GB a month) replaces the total volume of
 * a layout's {@code traffic} lines, which are scaled together: each line carries X × its share of
 * the layout's own total. A layout without traffic (or whose lines add up
 * to 0 GB) has a flat cost.
 *
 * <p><b>Why the break-even is exact.</b> With the paths fixed (they do not depend on volume), each
 * per-GB part of the bill is a tiered (piecewise-linear) function of its quantity, and each
 * quantity is proportional to X. So a layout's monthly total is piecewise linear in X, with
 * corners only where some part's quantity reaches a tier boundary: boundary × (base total /
 * base quantity of that part). {@link #function} finds those corners and prices the layout there
 * from its {@link Bill} (the paths decided once for every corner: a corner costs a few tier
 * look-ups); between corners the cost is a straight line. Two layouts' functions are then
 * intersected segment by segment ({@link #crossings}), not read off sampled points; the
 * sampled points are read off the function (exact, and a point costs no pricing). Volumes
 * and totals are exact fractions ({@link Rational}): a break-even volume such as 447.125 / 0.042
 * GB has no finite decimal, and the total there is still exactly 483.625, rounded once when
 * printed.
 */
public final class Sweep {
  /** At most this many sampled points per sweep (the compiler refuses more). */
  public static final int MAX_POINTS = 10_001;
  /** Without {@code step}, the range is cut into this many steps. */
  public static final int DEFAULT_STEPS = 20;

  private static final MathContext MC = MathContext.DECIMAL128;

  private Sweep() {}

  /** A layout's monthly total at one volume (both exact). */
  public record Point(Rational gb, Rational total) {}

  /**
   * A layout's cost as a function of X on [from, to]: {@code knots} (X, total) sorted by X,
   * from {@code from} to {@code to} and every corner between; the cost is linear between knots.
   * {@code baseGb} is the layout's own traffic total; {@code flat} when it has none.
   */
  public record CostFunction(Layout layout, BigDecimal baseGb, boolean flat, List<Point> knots) {
    public CostFunction {
      knots = List.copyOf(knots);
    }

    /** The total at x in [from, to], exactly. */
    public Rational at(Rational x) {
      Point prev = knots.get(0);
      if (x.compareTo(prev.gb()) <= 0) {
        return prev.total();
      }
      for (Point k : knots) {
        int c = x.compareTo(k.gb());
        if (c == 0) {
          return k.total();
        }
        if (c < 0) {
          return interpolate(prev, k, x);
        }
        prev = k;
      }
      return prev.total();
    }

    public Rational at(BigDecimal x) {
      return at(Rational.of(x));
    }
  }

  /** Layouts {@code a} and {@code b} cost the same ({@code total}) at {@code gb} GB a month. */
  public record BreakEven(String a, String b, Rational gb, Rational total) {
    /** The volume rounded half-up to hundredths of a GB, as shown: "208.57". */
    public BigDecimal gbRounded() {
      return gb.round(2);
    }
  }

  /** A stretch [fromGb, toGb] where two layouts cost exactly the same. */
  public record Tie(String a, String b, Rational fromGb, Rational toGb) {}

  /** One layout's sampled points and its exact cost function. */
  public record Series(CostFunction function, List<Point> points, boolean complete) {
    public Series {
      points = List.copyOf(points);
    }

    public Layout layout() {
      return function.layout();
    }
  }

  /** A whole sweep: the sampled volumes, a series per layout, the break-evens and ties. */
  public record Result(BigDecimal from, BigDecimal to, BigDecimal step, List<BigDecimal> volumes,
      List<Series> series, List<BreakEven> breakEven, List<Tie> ties) {
    public Result {
      volumes = List.copyOf(volumes);
      series = List.copyOf(series);
      breakEven = List.copyOf(breakEven);
      ties = List.copyOf(ties);
    }
  }

  // ------------------------------------------------------------------ sampled volumes

  /** The step in force: {@code step}, or (to − from) / 20 when it is null. */
  public static BigDecimal step(BigDecimal from, BigDecimal to, BigDecimal step) {
    if (step != null) {
      return step;
    }
    return clean(to.subtract(from).divide(BigDecimal.valueOf(DEFAULT_STEPS), MC));
  }

  /**
   * How many points a sweep samples: from, from + step, ... up to to, plus to itself when the
   * steps do not land on it. Without a step: 21 (or 1 when from == to).
   */
  public static long pointCount(BigDecimal from, BigDecimal to, BigDecimal step) {
    BigDecimal span = to.subtract(from);
    if (span.signum() <= 0) {
      return 1;
    }
    if (step == null) {
      return DEFAULT_STEPS + 1L;
    }
    BigDecimal[] qr = span.divideAndRemainder(step);
    BigDecimal n = qr[0].add(BigDecimal.ONE).add(qr[1].signum() == 0 ? BigDecimal.ZERO
        : BigDecimal.ONE);
    return n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : n.longValue();
  }

  /** The sampled volumes, ascending (see {@link #pointCount}). */
  public static List<BigDecimal> volumes(BigDecimal from, BigDecimal to, BigDecimal step) {
    long n = pointCount(from, to, step);
    if (n > MAX_POINTS) {
      throw new IllegalArgumentException("a sweep samples at most " + MAX_POINTS + " points, not "
          + n);
    }
    List<BigDecimal> out = new ArrayList<>();
    BigDecimal span = to.subtract(from);
    if (span.signum() <= 0) {
      out.add(from);
      return out;
    }
    if (step == null) {
      BigDecimal steps = BigDecimal.valueOf(DEFAULT_STEPS);
      for (int k = 0; k <= DEFAULT_STEPS; k++) {
        out.add(k == DEFAULT_STEPS ? to : clean(from.add(span.multiply(BigDecimal.valueOf(k))
            .divide(steps, MC))));
      }
      return out;
    }
    for (BigDecimal x = from; x.compareTo(to) <= 0; x = x.add(step)) {
      out.add(clean(x));
    }
    if (out.get(out.size() - 1).compareTo(to) < 0) {
      out.add(to);
    }
    return out;
  }

  // ------------------------------------------------------------------ one layout

  /** The layout's traffic total: the sum of its {@code traffic} lines, in GB. */
  public static BigDecimal baseGb(Layout layout) {
    BigDecimal t = BigDecimal.ZERO;
    for (Traffic tr : layout.traffic()) {
      t = t.add(tr.gb());
    }
    return t;
  }

  /**
   * The layout's monthly total at {@code gb} GB of traffic, by {@link CostEngine}: its own
   * volumes times gb / their total, exactly (each line scaled by the same factor, undivided).
   */
  public static CostResult costAt(Layout layout, PriceBook prices, int hours, Rational gb) {
    return CostEngine.cost(layout, prices, hours, scale(baseGb(layout), gb));
  }

  public static CostResult costAt(Layout layout, PriceBook prices, int hours, BigDecimal gb) {
    return costAt(layout, prices, hours, Rational.of(gb));
  }

  /** The layout's exact cost function on [from, to] (see the class comment). */
  public static CostFunction function(Layout layout, PriceBook prices, int hours,
      BigDecimal from, BigDecimal to) {
    return function(bill(layout, prices, hours), from, to);
  }

  /** The layout's bill: its paths decided and its hourly lines priced once for every point. */
  static Bill bill(Layout layout, PriceBook prices, int hours) {
    return new Bill(TrafficPaths.of(layout), prices, BigDecimal.valueOf(hours));
  }

  static CostFunction function(Bill bill, BigDecimal from, BigDecimal to) {
    Layout layout = bill.layout();
    BigDecimal base = baseGb(layout);
    TreeSet<Rational> xs = new TreeSet<>();
    xs.add(Rational.of(from));
    xs.add(Rational.of(to));
    if (base.signum() > 0) {
      for (Rational x : corners(bill.at(Rational.ONE), bill.prices(), base)) {
        if (x.compareTo(from) > 0 && x.compareTo(to) < 0) {
          xs.add(x);
        }
      }
    }
    List<Point> knots = new ArrayList<>();
    for (Rational x : xs) {
      knots.add(new Point(x, bill.total(scale(base, x)).total()));
    }
    return new CostFunction(layout, base, base.signum() == 0, knots);
  }

  /** The factor that makes the layout's traffic add up to {@code gb} (1 without traffic). */
  private static Rational scale(BigDecimal base, Rational gb) {
    return base.signum() == 0 ? Rational.ONE : gb.divide(Rational.of(base));
  }

  /**
   * The volumes X where some per-GB part of the bill reaches a tier boundary: for a part whose
   * quantity is q at the base volume, boundary b is reached at X = b × base / q.
   */
  static List<Rational> corners(CostResult atBase, PriceBook prices, BigDecimal base) {
    Map<PriceItem, Rational> quantity = new LinkedHashMap<>();
    for (CostLine l : atBase.lines()) {
      if (!l.part().fixed()) {
        quantity.merge(l.priceItem(), l.quantity(), Rational::add);
      }
    }
    List<Rational> out = new ArrayList<>();
    for (Map.Entry<PriceItem, Rational> e : quantity.entrySet()) {
      if (e.getValue().signum() <= 0) {
        continue;
      }
      for (PriceRow tier : prices.tiers(atBase.region(), e.getKey())) {
        if (tier.tierToGb() != null) {
          out.add(Rational.of(tier.tierToGb().multiply(base)).divide(e.getValue()));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ two layouts

  /**
   * Every volume in [from, to] where the two functions are equal and differ just beside it
   * (where they cross, or touch), ascending; stretches where they are equal go to {@code ties}.
   */
  public static List<BreakEven> crossings(CostFunction a, CostFunction b, List<Tie> ties) {
    TreeSet<Rational> xs = new TreeSet<>();
    a.knots().forEach(k -> xs.add(k.gb()));
    b.knots().forEach(k -> xs.add(k.gb()));
    List<Rational> x = new ArrayList<>(xs);
    List<Rational> d = new ArrayList<>();
    for (Rational v : x) {
      d.add(a.at(v).subtract(b.at(v)));
    }
    String na = a.layout().name();
    String nb = b.layout().name();
    List<BreakEven> out = new ArrayList<>();
    int n = x.size();
    for (int i = 0; i < n; i++) {
      if (d.get(i).signum() == 0) {
        boolean zeroBefore = i > 0 && d.get(i - 1).signum() == 0;
        boolean zeroAfter = i + 1 < n && d.get(i + 1).signum() == 0;
        if (!zeroBefore && !zeroAfter) {
          out.add(new BreakEven(na, nb, x.get(i), a.at(x.get(i))));
        } else if (!zeroBefore) {
          int j = i;
          while (j + 1 < n && d.get(j + 1).signum() == 0) {
            j++;
          }
          ties.add(new Tie(na, nb, x.get(i), x.get(j)));
        }
      } else if (i + 1 < n && d.get(i + 1).signum() != 0
          && d.get(i).signum() != d.get(i + 1).signum()) {
        Rational x0 = x.get(i);
        Rational width = x.get(i + 1).subtract(x0);
        Rational at = x0.add(width.multiply(d.get(i)).divide(d.get(i).subtract(d.get(i + 1))));
        out.add(new BreakEven(na, nb, at, a.at(at)));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ the whole sweep

  /**
   * Samples every layout at the sweep's volumes and finds the break-even volume of every pair of
   * layouts (in the order given: a before b), ordered by volume.
   *
   * @throws IllegalArgumentException when from > to, step <= 0 or too many points
   */
  public static Result run(List<Layout> layouts, PriceBook prices, int hours, BigDecimal from,
      BigDecimal to, BigDecimal step) {
    if (from.compareTo(to) > 0 || (step != null && step.signum() <= 0) || from.signum() < 0) {
      throw new IllegalArgumentException("bad sweep range " + from + " .. " + to + " step "
          + step);
    }
    List<BigDecimal> volumes = volumes(from, to, step);
    List<Series> series = new ArrayList<>();
    for (Layout l : layouts) {
      Bill bill = bill(l, prices, hours); // one set of paths for every knot
      CostFunction f = function(bill, from, to);
      List<Point> points = new ArrayList<>();
      for (BigDecimal v : volumes) {
        Rational x = Rational.of(v);
        points.add(new Point(x, f.at(x))); // exact: the cost is linear between knots
      }
      // Something left unpriced at X stays unpriced at every higher X (a share of traffic that
      // does not arrive, a quantity above the last tier a table has), so the series is complete
      // when its last point, to, is.
      boolean complete = bill.total(scale(baseGb(l), Rational.of(to))).complete();
      series.add(new Series(f, points, complete));
    }
    List<BreakEven> all = new ArrayList<>();
    List<Tie> ties = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      for (int j = i + 1; j < series.size(); j++) {
        all.addAll(crossings(series.get(i).function(), series.get(j).function(), ties));
      }
    }
    List<BreakEven> sorted = new ArrayList<>(all);
    sorted.sort((p, q) -> p.gb().compareTo(q.gb()));
    return new Result(from, to, step(from, to, step), volumes, series, sorted, ties);
  }

  private static Rational interpolate(Point p0, Point p1, Rational x) {
    Rational width = p1.gb().subtract(p0.gb());
    if (width.signum() == 0) {
      return p0.total();
    }
    return p0.total().add(p1.total().subtract(p0.total()).multiply(x.subtract(p0.gb()))
        .divide(width));
  }

  /** Without trailing zeros, and never in exponent form for whole numbers. */
  private static BigDecimal clean(BigDecimal v) {
    BigDecimal r = v.stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }
}
