package dev.vpclab.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %layouts says where a monthly total is incomplete, as cost and compare do. */
class SessionLayoutsTest {
  @TempDir
  Path dir;

  @Test
  void anIncompleteTotalSaysSo() {
    Session s = new Session(dir);
    // lonely reaches nothing (no NAT gateway, no endpoint): its 20 GB to logs are not priced
    s.input("layout lonely {\naz 1a subnet private app\ninstance web in app\n"
        + "traffic web -> logs 20 GB\n}\n");
    // one endpoint in one AZ: 730 h x 0.01 = 7.30 USD, complete
    s.input("layout fine {\naz 1a subnet private app\nendpoint logs in 1a\ninstance web in app\n}\n");
    String out = s.input("%layouts").text();
    assertTrue(out.lines().anyMatch(l -> l.contains("lonely") && l.endsWith("0.00 (incomplete)")),
        out);
    assertTrue(out.lines().anyMatch(l -> l.contains("fine") && l.endsWith("7.30")), out);
  }
}
