package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import java.util.List;

/**
 * What the VPC's resolver answers for a service's name: the private addresses of the endpoint's
 * ENIs in the AZs that are up ({@code privateAnswer}), or the service's public address (then
 * {@code addresses} is empty: vpclab does not invent AWS's public IPs), or nothing at all when the
 * VPC has DNS support off ({@code answered} false). {@code endpoint} tells whether an interface
 * endpoint exists for the service, {@code note} why the answer is what it is.
 */
public record DnsAnswer(String name, boolean privateAnswer, List<Eni> enis, boolean endpoint,
    String note, boolean answered) {
  public DnsAnswer {
    enis = List.copyOf(enis);
  }

  /** An answer (private or public). */
  public DnsAnswer(String name, boolean privateAnswer, List<Eni> enis, boolean endpoint,
      String note) {
    this(name, privateAnswer, enis, endpoint, note, true);
  }

  public List<String> addresses() {
    return enis.stream().map(Eni::ip).toList();
  }
}
