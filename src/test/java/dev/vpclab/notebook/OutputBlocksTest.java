package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each cell builds its blocks in the order it shows them; its text is their terminal rendering. */
class OutputBlocksTest {
  static final String SOURCE = TestLayouts.SEED_PROGRAM;

  static Output run(String query, ChartFiles charts) {
    Notebook.Result r = new Notebook(SourceLoader.NONE, charts)
        .eval(new SourceFile("b.vpc", SOURCE + query + "\n"));
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    return r.cells().get(0).output();
  }

  static List<Class<?>> kinds(Output o) {
    return o.blocks().stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void aCostCellIsItsHeadlineTableTotals() {
    Output o = run("cost single", ChartFiles.NONE);
    assertEquals(List.of(Block.Text.class, Block.TableBlock.class, Block.Totals.class), kinds(o));
    assertEquals(Output.text(o.blocks()), o.text());
    assertEquals("single: 30.66 USD a month", o.headline());
    // 3 endpoints x 1 AZ x 730 h x 0.014 USD = 30.66 USD, all fixed
    assertEquals(new Block.Totals("30.66", "0.00", "30.66", true), o.blocks().get(2));
  }

  @Test
  void aFailCellEndsWithItsFixAsANote() {
    Output o = run("fail az 1c in single", ChartFiles.NONE);
    assertEquals(List.of(Block.Text.class, Block.TableBlock.class, Block.Notes.class), kinds(o));
    Block.Notes fix = (Block.Notes) o.blocks().get(2);
    assertEquals("fix", fix.label());
    assertEquals(List.of("endpoint ssm, ec2messages, ssmmessages in 1a, 1c  (+30.66 USD a month)"),
        fix.lines());
  }

  @Test
  void aChartCellHasItsBarsThenItsTableThenItsDrawing() {
    Output o = run("chart cost single, per-az", ChartFiles.INLINE);
    assertEquals(List.of(Block.Text.class, Block.Chart.class, Block.TableBlock.class,
        Block.Chart.class), kinds(o));
    Block.Chart bars = (Block.Chart) o.blocks().get(1);
    assertNull(bars.image());
    Block.Chart drawing = (Block.Chart) o.blocks().get(3);
    assertEquals("", drawing.text());
    assertEquals(List.of(drawing.image()), o.artifacts());
  }
}
