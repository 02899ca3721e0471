package dev.vpclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Jupyter counts the cursor in code points; Java strings in UTF-16 units. */
class CursorTest {
  @Test
  void codePointsToIndices() {
    String code = "# 🚀\ncheck sin";
    assertEquals(code.length(), KernelHandlers.index(code, code.codePointCount(0, code.length())));
    assertEquals(5, KernelHandlers.index(code, 4), "after the newline that follows the rocket");
    assertEquals(0, KernelHandlers.index(code, -3));
    assertEquals(code.length(), KernelHandlers.index(code, 999));
  }
}
