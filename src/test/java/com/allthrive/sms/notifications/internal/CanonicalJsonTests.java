package com.allthrive.sms.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash ignores member order and whitespace, and stays what it has always been: bodies stored
 * before an upgrade still match their retries after it, so every value is written as Jackson itself
 * writes it.
 */
class CanonicalJsonTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void memberOrderAndWhitespaceDoNotChangeTheHash() {
    JsonNode one = JSON.readTree("{\"type\":\"x\",\"data\":{\"a\":1,\"b\":[\"q\",true,null]}}");
    JsonNode two =
        JSON.readTree(
            "{ \"data\" : { \"b\" : [ \"q\" , true , null ], \"a\" : 1 }, \"type\":\"x\" }");
    JsonNode other = JSON.readTree("{\"type\":\"x\",\"data\":{\"a\":2,\"b\":[\"q\",true,null]}}");

    assertThat(CanonicalJson.hash(one)).isEqualTo(CanonicalJson.hash(two));
    assertThat(CanonicalJson.hash(one)).isNotEqualTo(CanonicalJson.hash(other));
  }

  @Test
  void everyValueIsWrittenAsJacksonWritesIt() throws Exception {
    List<String> texts =
        List.of(
            "plain",
            "quote \" and backslash \\ and slash /",
            "emoji \uD83D\uDE00, lone \uD83D surrogate, line \u2028 separator, DEL \u007F",
            "é ü ñ 漢字 ÿ",
            IntStream.range(0, 0x20)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString());
    for (String text : texts) {
      ObjectNode node = JSON.createObjectNode().put("v", text);
      assertThat(CanonicalJson.hash(node))
          .as(text)
          .isEqualTo(sha256("{\"v\":" + node.get("v").toString() + ",}"));
    }
    for (String raw : List.of("0", "-7", "9007199254740993", "1.5", "true", "null")) {
      JsonNode node = JSON.readTree("{\"v\":" + raw + "}");
      assertThat(CanonicalJson.hash(node))
          .as(raw)
          .isEqualTo(sha256("{\"v\":" + node.get("v").toString() + ",}"));
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
