package dev.vpclab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionTest {
  private static final String FULL_AZ = "[a-z]{2}(-[a-z]+)+-\\d[a-z]";

  @Test
  void fullAzNamesAsTheRegularExpressionSaysButWithoutOne() {
    for (String s : List.of("ap-northeast-1a", "us-east-1a", "us-gov-west-1b", "eu-central-2c",
        "ap-northeast-1", "ap-northeast-1ab", "ap-northeast-a1", "apx-northeast-1a", "a-b-1a",
        "ap--north-1a", "ap-north-east-1a", "ap-North-1a", "ap-north-11a", "ap-north-1A", "1a",
        "", "ap-\u0661a-1a", "ap-north-\u06611a")) {
      assertEquals(s.matches(FULL_AZ), Region.looksLikeAz(s) && !s.equals("1a"), s);
      assertEquals(s.matches(FULL_AZ) ? Optional.of(s.substring(0, s.length() - 1))
          : Optional.empty(), Region.regionOfAz(s), s);
    }
    Random random = new Random(3);
    String alphabet = "ab-1z9A";
    for (int k = 0; k < 20000; k++) {
      StringBuilder sb = new StringBuilder(random.nextBoolean() ? "ap-" : "");
      for (int i = random.nextInt(14); i > 0; i--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertEquals(s.matches(FULL_AZ), Region.regionOfAz(s).isPresent(), s);
    }
  }
}
