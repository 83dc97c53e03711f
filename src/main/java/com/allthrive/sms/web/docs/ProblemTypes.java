package com.allthrive.sms.web.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every problem the API answers with: the RFC 9457 body as one schema whose {@code code} lists each
 * stable code (the last segment of {@code type}, {@code urn:allthrive-sms:problem:<code>}), with
 * its status and meaning, and a {@code 4XX} and {@code 5XX} answer of that schema on every
 * operation.
 */
final class ProblemTypes {

  static final String SCHEMA = "Problem";
  static final String MEDIA_TYPE = "application/problem+json";

  /** code → "status: meaning". */
  static final Map<String, String> CODES = new LinkedHashMap<>();

  static {
    add("malformed_body", 400, "The body is not JSON of the expected shape.");
    add("invalid_request", 400, "Some fields are invalid; `errors` maps each field to why.");
    add("invalid_event", 400, "An event field is missing or invalid; `field` names it.");
    add("unknown_event_type", 400, "Not an event type of this service; see `known_types`.");
    add("missing_idempotency_key", 400, "`POST /api/v1/events` needs an `Idempotency-Key`.");
    add("idempotency_key_reused", 409, "The key was used before with a different body.");
    add("invalid_phone_number", 400, "The number cannot be read as a phone number.");
    add("invalid_preferences", 400, "A preference value is invalid.");
    add("security_alerts_not_optional", 400, "Security alerts cannot be switched off.");
    add("invalid_timezone", 400, "The time zone is not an IANA zone id.");
    add("invalid_user_id", 400, "The user id is empty, too long or has characters not allowed.");
    add("invalid_challenge_id", 400, "The challenge id is empty, too long or not allowed.");
    add("unknown_participant", 400, "A submission names someone who is not a participant.");
    add("invalid_presence", 400, "The presence body needs `online: true|false`.");
    add("invalid_filter", 400, "A listing filter is invalid (status, type, dates, number).");
    add("invalid_page", 400, "The page or size is out of range.");
    add("malformed_code", 400, "A verification code is six digits.");
    add("invalid_code", 400, "The code is not correct; `attempts_left` says how many remain.");
    add("no_pending_code", 400, "No code waits to be checked.");
    add("code_expired", 400, "The code has expired.");
    add("country_not_allowed", 400, "Numbers from this country cannot be verified.");
    add("too_many_attempts", 429, "Too many wrong codes; ask for a new one.");
    add("resend_cooldown", 429, "Wait before asking for another code; see `Retry-After`.");
    add("ip_limit", 429, "Too many codes asked for from one network; see `Retry-After`.");
    add("number_hourly_limit", 429, "Too many codes sent to this number; see `Retry-After`.");
    add("user_daily_limit", 429, "Too many codes asked for today; see `Retry-After`.");
    add("already_verified", 409, "The number is already verified for this account.");
    add("number_taken", 409, "The number is verified by another account.");
    add("number_opted_out", 409, "The number replied STOP; text START first.");
    add("number_changed", 409, "The number changed after the code was sent.");
    add("budget_exhausted", 503, "The daily SMS budget is spent; codes cannot be sent now.");
    add("unknown_user", 404, "No such user (the platform provisions users first).");
    add("missing_message_sid", 400, "A Twilio callback without `MessageSid`.");
    add("unauthorized", 401, "No credential, or one that is not valid.");
    add("invalid_api_key", 401, "The `X-Api-Key` is not a key of this service.");
    add("forbidden", 403, "The credential may not use this resource.");
    add("invalid_signature", 403, "A webhook without a valid `X-Twilio-Signature`.");
    add("not_found", 404, "No such resource.");
    add("method_not_allowed", 405, "The resource does not answer this method.");
    add("not_acceptable", 406, "The resource cannot answer in an accepted media type.");
    add("unsupported_media_type", 415, "The body's media type is not accepted.");
    add("internal_error", 500, "Something went wrong on our side; nothing was half-saved.");
    add(
        "database_unavailable",
        503,
        "The database cannot be reached for a moment; send the request again after `Retry-After`"
            + " (an event with the same `Idempotency-Key`).");
    add(
        "busy",
        503,
        "More events arrive than the service can commit now; nothing of this one was written."
            + " Send it again after `Retry-After` with the same `Idempotency-Key`.");
  }

  private ProblemTypes() {}

  private static void add(String code, int status, String meaning) {
    CODES.put(code, status + ": " + meaning);
  }

  /** Adds the schema and a problem answer for client and server errors to every operation. */
  static void describe(OpenAPI api) {
    api.getComponents().addSchemas(SCHEMA, schema());
    if (api.getPaths() != null) {
      api.getPaths().values().forEach(item -> item.readOperations().forEach(ProblemTypes::answers));
    }
  }

  private static void answers(Operation operation) {
    if (operation.getResponses() == null) {
      return;
    }
    operation.getResponses().putIfAbsent("4XX", answer("The request was refused; see `code`."));
    operation
        .getResponses()
        .putIfAbsent(
            "5XX", answer("The service failed (`internal_error`, `database_unavailable`)."));
  }

  private static ApiResponse answer(String description) {
    var media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA));
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(MEDIA_TYPE, media));
  }

  private static Schema<?> schema() {
    StringSchema code = new StringSchema();
    CODES.keySet().forEach(code::addEnumItem);
    StringBuilder table = new StringBuilder("Stable code, status and meaning:\n\n");
    CODES.forEach(
        (c, meaning) -> table.append("- `").append(c).append("` ").append(meaning).append('\n'));
    code.description(table.toString());
    return new ObjectSchema()
        .description("An RFC 9457 problem (media type " + MEDIA_TYPE + ")")
        .addProperty("type", new StringSchema().example("urn:allthrive-sms:problem:invalid_event"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("code", code)
        .addProperty(
            "field",
            new StringSchema()
                .description("The invalid field of an event")
                .example("data.participants[0].user_id"))
        .addProperty(
            "errors",
            new ObjectSchema()
                .additionalProperties(new StringSchema())
                .description("Each invalid field and why"))
        .addProperty("known_types", new ArraySchema().items(new StringSchema()))
        .addProperty("attempts_left", new IntegerSchema())
        .addProperty("retry_after_seconds", new IntegerSchema())
        .required(List.of("type", "title", "status", "code"));
  }
}
