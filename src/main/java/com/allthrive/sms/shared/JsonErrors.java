package com.allthrive.sms.shared;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Turns JSON parse failures into details that name the field, without echoing the input. */
final class JsonErrors {

  private JsonErrors() {}

  static String describe(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getMostSpecificCause();
    if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
      String field = bind.getPath().get(bind.getPath().size() - 1).getPropertyName();
      if (field != null) {
        return "Field '" + field + "' has the wrong type or format.";
      }
    }
    if (cause instanceof JacksonException) {
      return "The body is not valid JSON for this request.";
    }
    return "The request body is missing or unreadable.";
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }
}
