package com.allthrive.sms.preferences.internal;

import static com.allthrive.sms.shared.Timestamps.utc;

import com.allthrive.sms.shared.PhoneNumber;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The numbers nothing may be sent to, keyed by E.164 number (a primary-key lookup). */
@Repository
class OptOutList {

  private final JdbcClient jdbc;

  OptOutList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean contains(PhoneNumber number) {
    return jdbc.sql("select count(*) from opt_out where phone_number = :phone")
            .param("phone", number.e164())
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Adds the number; false when it was already on the list. Safe under concurrent calls. */
  boolean add(PhoneNumber number, ConsentMethod method, Instant at) {
    return jdbc.sql(
                "insert into opt_out (phone_number, method, created_at)"
                    + " values (:phone, :method, :at) on conflict do nothing")
            .param("phone", number.e164())
            .param("method", method.code())
            .param("at", utc(at))
            .update()
        == 1;
  }

  /** Removes the number; false when it was not on the list. */
  boolean remove(PhoneNumber number) {
    return jdbc.sql("delete from opt_out where phone_number = :phone")
            .param("phone", number.e164())
            .update()
        == 1;
  }
}
