package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.cost.PriceBook;
import org.junit.jupiter.api.Test;

class PriceTablesTest {
  final PriceBook book = PriceBook.builtIn();

  @Test
  void aRegionsRowsOrAll() {
    Table t = PriceTables.of(book, "ap-northeast-1");
    assertTrue(t.rows().stream().allMatch(r -> r.get(0).equals("ap-northeast-1")));
    assertEquals(book.rows().stream().filter(r -> r.region().equals("ap-northeast-1")).count(),
        t.rows().size());
    assertEquals(book.rows().size(), PriceTables.of(book, null).rows().size());
    String text = PriceTables.render(book, "us-east-1");
    assertTrue(text.startsWith("prices, version " + book.version() + "\n"), text);
    assertTrue(text.contains("endpoint.hour"), text);
    assertThrows(IllegalArgumentException.class, () -> PriceTables.of(book, "ap-south-9"));
  }
}
