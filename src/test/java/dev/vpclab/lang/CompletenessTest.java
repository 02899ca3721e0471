package dev.vpclab.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vpclab.lang.Completeness.Answer;
import dev.vpclab.lang.Completeness.Status;
import org.junit.jupiter.api.Test;

/** The kernel's is_complete: complete, incomplete with how many braces are open, or invalid. */
class CompletenessTest {
  @Test
  void answers() {
    assertEquals(new Answer(Status.COMPLETE, 0), Completeness.answer("check single"));
    assertEquals(new Answer(Status.INCOMPLETE, 1), Completeness.answer("layout a {\n"));
    assertEquals(new Answer(Status.INCOMPLETE, 2), Completeness.answer("layout a {\n vpc x {"));
    assertEquals(new Answer(Status.INCOMPLETE, 0), Completeness.answer("endpoint ssm,"));
    assertEquals(new Answer(Status.INVALID, 0), Completeness.answer("}"));
    assertEquals(new Answer(Status.INVALID, 1), Completeness.answer("} layout a {"));
    assertEquals(new Answer(Status.COMPLETE, 0), Completeness.answer("layout a { } # }"));
  }
}
