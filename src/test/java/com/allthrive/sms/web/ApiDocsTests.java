package com.allthrive.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.TestDatabases;
import com.allthrive.sms.verification.internal.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API description lets a newcomer authorize and call the API from Swagger UI. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiDocsTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @Autowired MockMvcTester mvc;
  @Autowired JsonMapper json;

  JsonNode docs;

  @BeforeEach
  void readDocs() throws Exception {
    var answer = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(answer).hasStatusOk();
    docs = json.readTree(answer.getResponse().getContentAsString());
  }

  @Test
  void declaresTheApiKeyAndBearerSchemesAndUsesThemPerAudience() {
    JsonNode schemes = docs.at("/components/securitySchemes");

    assertThat(schemes.at("/apiKey/type").asString()).isEqualTo("apiKey");
    assertThat(schemes.at("/apiKey/in").asString()).isEqualTo("header");
    assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("X-Api-Key");
    assertThat(schemes.at("/bearerJwt/scheme").asString()).isEqualTo("bearer");
    assertThat(schemes.at("/bearerJwt/bearerFormat").asString()).isEqualTo("JWT");
    assertThat(operation("post", "/api/v1/events").at("/security/0/apiKey").isArray()).isTrue();
    assertThat(operation("get", "/api/v1/me/sms-preferences").at("/security/0/bearerJwt").isArray())
        .isTrue();
  }

  @Test
  void describesTheEventBodyAsOneOfEachTypeWithAnExampleEach() {
    JsonNode content = operation("post", "/api/v1/events").at("/requestBody/content");
    JsonNode media = content.values().iterator().next();

    List<String> refs = new ArrayList<>();
    media.at("/schema/oneOf").forEach(s -> refs.add(s.get("$ref").asString()));
    assertThat(refs)
        .anyMatch(r -> r.endsWith("/BattleInvitationEvent"))
        .anyMatch(r -> r.endsWith("/DirectMessageEvent"))
        .anyMatch(r -> r.endsWith("/BattleCompletedEvent"))
        .anyMatch(r -> r.endsWith("/AchievementUnlockedEvent"))
        .anyMatch(r -> r.endsWith("/SecurityAlertEvent"));
    assertThat(media.get("examples").propertyNames())
        .contains("battle.invitation", "direct_message.created", "battle.completed")
        .contains("achievement.unlocked", "security.new_login");
    assertThat(docs.at("/components/schemas/BattleData/properties/participants")).isNotNull();
    assertThat(docs.at("/components/schemas/InvitationData/properties/to_phone").isObject())
        .isTrue();
  }

  @Test
  void answers202WhereTheApiAnswers202AndRequiresTheIdempotencyKey() {
    JsonNode events = operation("post", "/api/v1/events");
    JsonNode code = operation("post", "/api/v1/users/phone/request-verification");

    assertThat(events.at("/responses").has("202")).isTrue();
    assertThat(events.at("/responses").has("200")).isFalse();
    assertThat(code.at("/responses").has("202")).isTrue();
    assertThat(code.at("/responses").has("200")).isFalse();
    JsonNode key = parameter(events, "Idempotency-Key");
    assertThat(key.get("in").asString()).isEqualTo("header");
    assertThat(key.get("required").asBoolean()).isTrue();
  }

  @Test
  void listsTheRealFiltersInsteadOfAPhantomQueryParameter() {
    JsonNode log = operation("get", "/api/v1/admin/sms-messages");

    assertThat(parameter(log, "query")).isNull();
    assertThat(parameter(log, "status")).isNotNull();
    assertThat(parameter(log, "phone_number")).isNotNull();
    assertThat(parameter(operation("get", "/api/v1/me/sms-messages"), "user_id")).isNull();
  }

  @Test
  void tagsEveryOperationByAudienceWithASummary() {
    assertThat(operation("post", "/api/v1/events").at("/tags/0").asString()).isEqualTo("platform");
    assertThat(operation("get", "/api/v1/admin/decisions").at("/tags/0").asString())
        .isEqualTo("admin");
    assertThat(operation("post", "/webhooks/twilio/inbound").at("/tags/0").asString())
        .isEqualTo("webhooks");
    assertThat(operation("patch", "/api/v1/me/sms-preferences").at("/tags/0").asString())
        .isEqualTo("end user");
    docs.get("paths")
        .forEachEntry(
            (path, item) ->
                item.forEachEntry(
                    (method, op) ->
                        assertThat(op.path("summary").asString(""))
                            .as(method + " " + path)
                            .isNotBlank()));
  }

  @Test
  void describesEveryProblemTypeTheServiceAnswersWithOnEveryOperation() throws Exception {
    List<String> documented = new ArrayList<>();
    docs.at("/components/schemas/Problem/properties/code/enum")
        .forEach(c -> documented.add(c.asString()));

    assertThat(documented).containsAll(problemCodesInTheSource());
    assertThat(documented)
        .as("codes answered by the verification refusals")
        .containsAll(Arrays.stream(Refusal.values()).map(Refusal::code).toList());
    docs.get("paths")
        .forEachEntry(
            (path, item) ->
                item.forEachEntry(
                    (method, op) ->
                        assertThat(
                                op.at("/responses/4XX/content/application~1problem+json/schema")
                                    .path("$ref")
                                    .asString(""))
                            .as(method + " " + path)
                            .endsWith("/Problem")));
  }

  /** Every literal code handed to a problem in the main sources, framework fallbacks included. */
  private static Set<String> problemCodesInTheSource() throws IOException {
    Pattern literal =
        Pattern.compile(
            "(?:ApiProblem\\.\\w+|new ApiProblem|Problems\\.of|write)\\(\\s*(?:[\\w.]+,\\s*){0,2}\"([a-z0-9_]+)\"");
    Set<String> codes = new TreeSet<>(List.of("method_not_allowed", "unsupported_media_type"));
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    assertThat(codes).contains("invalid_event", "unauthorized", "idempotency_key_reused");
    return codes;
  }

  private JsonNode operation(String method, String path) {
    JsonNode op = docs.get("paths").get(path).get(method);
    assertThat(op).as(method + " " + path).isNotNull();
    return op;
  }

  private static JsonNode parameter(JsonNode operation, String name) {
    for (JsonNode p : operation.path("parameters")) {
      if (name.equals(p.get("name").asString())) {
        return p;
      }
    }
    return null;
  }
}
