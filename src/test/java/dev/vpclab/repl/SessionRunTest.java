package dev.vpclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a front end other than the terminal gets from the session: {@link Session#run}. */
class SessionRunTest {
  static final String LAYOUT = """
      region ap-northeast-1
      az 1a subnet private app; az 1c subnet private ep
      endpoint ssm in 1c
      instance web in app needs ssm
      """;

  @Test
  void aCellGivesItsResultAndEachOutputsText() {
    Session s = new Session();
    s.run(LAYOUT, true);
    s.number(7);
    Session.Run run = s.run("check\ncost", true);
    assertEquals(2, run.result().cells().size());
    assertEquals(run.result().cells().get(0).output().text(), run.outputs().get(0));
    assertTrue(run.text().startsWith("Out[7]: " + run.outputs().get(0)), run.text());
    assertEquals(8, s.number());
    assertFalse(run.internalError());
    Session.Run bad = s.run("endpoint ssm in 1d", true);
    assertTrue(bad.result().hasErrors());
    assertTrue(bad.text().startsWith("In[8]:1:17: error: "), bad.text());
  }

  @Test
  void magicsHaveNoResultAndUnstoredInputsStayOutOfHistory() {
    Session s = new Session();
    s.run("region ap-northeast-1", false);
    Session.Run help = s.run("%help magics", true);
    assertNull(help.result());
    assertTrue(help.text().contains("%save FILE.vpc"));
    assertEquals("   1  %help magics\n\n", s.run("%history", true).text(),
        "the unstored region cell is not listed");
  }

  @Test
  void helpOnAWord() {
    assertTrue(Session.helpOn("resilience").startsWith("resilience: a vpclab keyword (%help queries)"));
    assertTrue(Session.helpOn("endpoint").startsWith("endpoint: a vpclab keyword (%help layout)"));
    assertTrue(Session.helpOn("expect").contains("expect ha survives az failure"));
    assertTrue(Session.helpOn("%save").contains("%save FILE.ipynb"));
    assertNull(Session.helpOn("%nope"));
    assertNull(Session.helpOn("web"));
    assertNull(Session.helpOn("10"));
  }
}
