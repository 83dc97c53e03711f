package com.allthrive.sms.delivery.provider;

import com.allthrive.sms.delivery.provider.SendOutcome.Failed;
import com.twilio.exception.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * The error taxonomy of a send. Transient: the request never left (connection refused, connect
 * timeout, unknown host, TLS handshake, no pooled connection in time), HTTP 429 and 5xx, Twilio
 * 20429 — retried later. Permanent: Twilio 21211, 21408, 21610, 21614 and any other 4xx — failed at
 * once. A read timeout or a broken connection after the request left is an unknown outcome: the
 * message may exist at Twilio, so it is looked up before any resend.
 */
public final class TwilioErrors {

  /** The recipient replied STOP: Twilio refuses every send to the number. */
  public static final String OPTED_OUT = "21610";

  private static final int TOO_MANY_REQUESTS = 20429;
  private static final Set<Integer> PERMANENT = Set.of(21211, 21408, 21610, 21614);
  private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d ()-]{5,}\\d");

  private TwilioErrors() {}

  /** Classifies a failed Twilio call. */
  public static SendOutcome classify(RuntimeException failure) {
    if (failure instanceof ApiException api
        && (api.getStatusCode() != null || api.getCode() != null)) {
      return fromResponse(api);
    }
    IOException io = ioCause(failure);
    if (io == null) {
      return new SendOutcome.Unknown(describe(failure));
    }
    if (neverLeft(io)) {
      return Failed.transientError("network_error", describe(io));
    }
    return new SendOutcome.Unknown(describe(io));
  }

  /** Whether a Twilio error code (a status callback's {@code ErrorCode}) reports an opt-out. */
  public static boolean isOptOut(String code) {
    return OPTED_OUT.equals(code);
  }

  private static SendOutcome fromResponse(ApiException api) {
    Integer code = api.getCode();
    int status = api.getStatusCode() == null ? 0 : api.getStatusCode();
    String errorCode = code != null ? code.toString() : "http_" + status;
    String message = redact(api.getMessage());
    if ((code != null && code == TOO_MANY_REQUESTS) || status == 429 || status >= 500) {
      return Failed.transientError(errorCode, message);
    }
    if ((code != null && PERMANENT.contains(code)) || (status >= 400 && status < 500)) {
      return Failed.permanent(errorCode, message);
    }
    return Failed.transientError(errorCode, message);
  }

  private static boolean neverLeft(IOException io) {
    return io instanceof ConnectTimeoutException
        || io instanceof ConnectException
        || io instanceof NoRouteToHostException
        || io instanceof UnknownHostException
        || io instanceof SSLHandshakeException
        || io instanceof ConnectionRequestTimeoutException
        || io instanceof RequestFailedException;
  }

  private static IOException ioCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String describe(Throwable t) {
    String kind = t instanceof SocketTimeoutException ? "timeout" : t.getClass().getSimpleName();
    Throwable cause = t.getCause();
    String because =
        cause == null || cause == t
            ? ""
            : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    return redact(kind + ": " + t.getMessage() + because);
  }

  /** Hides phone numbers a provider message may quote, and caps the length for the log. */
  public static String redact(String message) {
    if (message == null) {
      return null;
    }
    String masked = DIGITS.matcher(message).replaceAll(m -> "+***" + tail(m.group()));
    return masked.length() > 500 ? masked.substring(0, 500) : masked;
  }

  private static String tail(String number) {
    String digits = number.replaceAll("\\D", "");
    return digits.substring(Math.max(0, digits.length() - 2));
  }
}
