package com.allthrive.sms.delivery;

import com.allthrive.sms.shared.PhoneNumber;
import com.allthrive.sms.shared.UserId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh numbers, keys and users, and a look at a log row, for the delivery tests. */
final class DeliveryFixtures {

  static final String PUBLIC_BASE_URL = "https://sms.example.test";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private DeliveryFixtures() {}

  /** A number no other test uses. */
  static PhoneNumber newNumber() {
    return new PhoneNumber("+1202555" + String.format("%04d", SEQUENCE.incrementAndGet()));
  }

  static UserId newUser(String name) {
    return new UserId(name + "-" + SEQUENCE.incrementAndGet());
  }

  static String newKey() {
    return "test:" + UUID.randomUUID();
  }

  static OutgoingSms sms(PhoneNumber to, String body) {
    return OutgoingSms.of(newKey(), to, MessageType.DIRECT_MESSAGE, body, null);
  }

  /** The row's columns by name (sealed body as bytes). */
  static Map<String, Object> row(JdbcClient jdbc, long id) {
    return jdbc.sql("select * from sms_message where id = :id").param("id", id).query().singleRow();
  }

  static String status(JdbcClient jdbc, long id) {
    return jdbc.sql("select status from sms_message where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
