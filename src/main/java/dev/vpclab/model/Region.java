package dev.vpclab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An AWS Region and the AZs vpclab knows in it. AZs are written short ({@code 1a}: the Region's
 * trailing digit and the AZ letter) or in full ({@code ap-northeast-1a}).
 *
 * <p>The Regions are the 33 commercial Regions of the built-in price table (a test keeps the two
 * lists equal). The AZ letters are the AZ names (codes) AWS accounts see, not AZ IDs: in the
 * oldest Regions AWS maps names to physical AZs per account, so {@code us-east-1a} in one account
 * may be another account's {@code us-east-1c}. Sources: AWS, "AWS Availability Zones"
 * (docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html: every
 * Region has at least three AZs, named by the Region code and a letter) and its document history
 * (launches up to ap-east-2, June 2025); letters known from {@code aws ec2
 * describe-availability-zones}: us-east-1 a-f, us-west-2 a-d, ap-northeast-2 a-d, ca-central-1 a b
 * d, ap-northeast-1 a c d. us-west-1 offers an account two AZs, named b and c in most accounts and
 * a in some older ones: all three letters are accepted.
 */
public record Region(String code, String letters) {
  public static final String DEFAULT = "us-east-1";

  private static final Map<String, Region> KNOWN = new TreeMap<>();

  static {
    for (String[] r : new String[][] {
        {"us-east-1", "abcdef"}, {"us-east-2", "abc"}, {"us-west-1", "abc"}, {"us-west-2", "abcd"},
        {"ca-central-1", "abd"}, {"ca-west-1", "abc"}, {"sa-east-1", "abc"},
        {"mx-central-1", "abc"},
        {"eu-west-1", "abc"}, {"eu-west-2", "abc"}, {"eu-west-3", "abc"}, {"eu-central-1", "abc"},
        {"eu-central-2", "abc"}, {"eu-north-1", "abc"}, {"eu-south-1", "abc"},
        {"eu-south-2", "abc"},
        {"il-central-1", "abc"}, {"me-south-1", "abc"}, {"me-central-1", "abc"},
        {"af-south-1", "abc"},
        {"ap-south-1", "abc"}, {"ap-south-2", "abc"},
        {"ap-southeast-1", "abc"}, {"ap-southeast-2", "abc"}, {"ap-southeast-3", "abc"},
        {"ap-southeast-4", "abc"}, {"ap-southeast-5", "abc"}, {"ap-southeast-7", "abc"},
        {"ap-northeast-1", "acd"}, {"ap-northeast-2", "abcd"}, {"ap-northeast-3", "abc"},
        {"ap-east-1", "abc"}, {"ap-east-2", "abc"}}) {
      KNOWN.put(r[0], new Region(r[0], r[1]));
    }
  }

  public static Optional<Region> of(String code) {
    return Optional.ofNullable(KNOWN.get(code));
  }

  public static Region defaultRegion() {
    return KNOWN.get(DEFAULT);
  }

  public static List<String> codes() {
    return List.copyOf(KNOWN.keySet());
  }

  /** The digit short AZ names start with: '1' for ap-northeast-1. */
  public char digit() {
    return code.charAt(code.length() - 1);
  }

  /** Every AZ of the Region, full names, in order. */
  public List<String> azs() {
    List<String> out = new ArrayList<>();
    for (char c : letters.toCharArray()) {
      out.add(code + c);
    }
    return out;
  }

  /** Short names of the AZs: 1a, 1c, 1d. */
  public List<String> shortAzs() {
    List<String> out = new ArrayList<>();
    for (char c : letters.toCharArray()) {
      out.add("" + digit() + c);
    }
    return out;
  }

  /** The full AZ name for a short or full name of one of this Region's AZs, or empty. */
  public Optional<String> fullAz(String name) {
    String full = name.length() == 2 ? code + name.charAt(1) : name;
    if (name.length() == 2 && name.charAt(0) != digit()) {
      return Optional.empty();
    }
    if (full.length() == code.length() + 1 && full.startsWith(code)
        && letters.indexOf(full.charAt(full.length() - 1)) >= 0) {
      return Optional.of(full);
    }
    return Optional.empty();
  }

  /** The short name (1a) of a full AZ name of this Region. */
  public String shortAz(String fullAz) {
    return "" + digit() + fullAz.charAt(fullAz.length() - 1);
  }

  /** Whether a written name looks like an AZ of any Region (short or full), known or not. */
  public static boolean looksLikeAz(String name) {
    if (name.length() == 2 && Character.isDigit(name.charAt(0)) && Character.isLetter(name.charAt(1))) {
      return true;
    }
    return isFullAz(name);
  }

  /** [a-z]{2}(-[a-z]+)+-[0-9][a-z], as "ap-northeast-1a" (by hand: no regex compiled per call). */
  private static boolean isFullAz(String s) {
    int n = s.length();
    if (n < 7 || !lower(s.charAt(0)) || !lower(s.charAt(1))) {
      return false;
    }
    int i = 2;
    int groups = 0;
    while (i + 1 < n && s.charAt(i) == '-' && lower(s.charAt(i + 1))) {
      i += 2;
      while (i < n && lower(s.charAt(i))) {
        i++;
      }
      groups++;
    }
    return groups > 0 && i + 3 == n && s.charAt(i) == '-' && s.charAt(i + 1) >= '0'
        && s.charAt(i + 1) <= '9' && lower(s.charAt(i + 2));
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** The Region a full AZ name belongs to (ap-northeast-1a -> ap-northeast-1), or empty. */
  public static Optional<String> regionOfAz(String fullAz) {
    if (isFullAz(fullAz)) {
      return Optional.of(fullAz.substring(0, fullAz.length() - 1));
    }
    return Optional.empty();
  }
}
