package com.allthrive.sms.web.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes the API description usable from Swagger UI: the security schemes (so Authorize works), one
 * tag per audience, a summary on each operation, the real query parameters of the log listings, a
 * required {@code Idempotency-Key}, 202 where the API answers 202, and every problem type ({@link
 * ProblemTypes}).
 */
@Component
class ApiDocsCustomizer implements OpenApiCustomizer {

  private static final List<String> LISTING_PARAMETERS =
      List.of("status", "message_type", "user_id", "phone_number", "from", "to", "page", "size");

  @Override
  public void customise(OpenAPI api) {
    api.getComponents()
        .addSecuritySchemes(
            ApiAudiences.API_KEY,
            new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("X-Api-Key")
                .description("Platform key (platform API) or admin key (admin API)"))
        .addSecuritySchemes(
            ApiAudiences.BEARER,
            new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("The platform's end-user JWT; an admin JWT for the admin API"));
    api.setTags(
        Arrays.stream(ApiAudiences.values())
            .map(a -> new Tag().name(a.tag).description(a.description))
            .toList());
    if (api.getPaths() != null) {
      api.getPaths().forEach(this::describe);
    }
    ProblemTypes.describe(api);
  }

  private void describe(String path, PathItem item) {
    ApiAudiences audience = ApiAudiences.of(path);
    item.readOperationsMap()
        .forEach(
            (method, operation) -> {
              if (audience != null) {
                operation.setTags(List.of(audience.tag));
                operation.setSecurity(security(audience));
              }
              if (operation.getSummary() == null) {
                operation.setSummary(Summaries.of(method.name() + " " + path));
              }
              realQueryParameters(operation, path);
              requireIdempotencyKey(operation);
              accepted(method.name() + " " + path, operation);
            });
  }

  private static List<SecurityRequirement> security(ApiAudiences audience) {
    List<SecurityRequirement> anyOf = new ArrayList<>();
    audience.schemes().forEach(s -> anyOf.add(new SecurityRequirement().addList(s)));
    return anyOf;
  }

  /** A {@code Map} of query parameters shows up as one object named "query"; list the real ones. */
  private static void realQueryParameters(Operation operation, String path) {
    if (operation.getParameters() == null
        || operation.getParameters().stream().noneMatch(p -> "query".equals(p.getName()))) {
      return;
    }
    operation.getParameters().removeIf(p -> "query".equals(p.getName()));
    for (String name : LISTING_PARAMETERS) {
      if (name.equals("user_id") && path.startsWith("/api/v1/me")) {
        continue;
      }
      Schema<?> schema = new StringSchema();
      operation.addParametersItem(new Parameter().in("query").name(name).schema(schema));
    }
  }

  private static void requireIdempotencyKey(Operation operation) {
    if (operation.getParameters() != null) {
      operation.getParameters().stream()
          .filter(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))
          .forEach(p -> p.setRequired(true));
    }
  }

  /** Operations that answer 202 but whose handler returns a plain entity. */
  private static void accepted(String key, Operation operation) {
    if (!key.equals("POST /api/v1/users/phone/request-verification")
        || operation.getResponses() == null) {
      return;
    }
    Map<String, ApiResponse> responses = operation.getResponses();
    ApiResponse ok = responses.remove("200");
    if (ok != null) {
      responses.put("202", ok.description("The code was sent"));
    }
  }
}
