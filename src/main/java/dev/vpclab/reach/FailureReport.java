package dev.vpclab.reach;

import java.util.List;

/**
 * What failing some AZs does to a layout: the failed AZs (full names, sorted), the pairs that
 * break (instances in healthy AZs that reached the service before and do not after; instances as
 * declared, services sorted), the instance lines that go down with their AZ ({@code down}, names)
 * and how many instances that is ({@code instancesDown}, every line's {@code count} added), and
 * the fix (null when nothing breaks).
 */
public record FailureReport(String layout, List<String> failed, List<BrokenPair> broken,
    List<String> down, long instancesDown, FixSuggestion fix) {
  public FailureReport {
    failed = List.copyOf(failed);
    broken = List.copyOf(broken);
    down = List.copyOf(down);
  }

  public boolean breaksNothing() {
    return broken.isEmpty();
  }
}
