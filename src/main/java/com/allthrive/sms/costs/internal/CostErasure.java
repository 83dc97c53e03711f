package com.allthrive.sms.costs.internal;

import com.allthrive.sms.costs.CostRecords;
import com.allthrive.sms.shared.PersonalData;
import com.allthrive.sms.shared.UserId;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A per-user spend alert keeps its figures and time but no longer names the user: subject, key and
 * text lose the id. Reports, spend and sliding limits hold no personal data.
 */
@Component
class CostErasure implements CostRecords {

  private final JdbcClient jdbc;

  CostErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void forget(UserId user) {
    jdbc.sql(
            """
            update cost_alert set subject = null, alert_key = 'erased:' || cast(id as varchar),
              message = replace(message, :user, 'erased')
            where subject = :user""")
        .param("user", user.value())
        .update();
  }

  @Bean
  static PersonalData costsPersonalData() {
    return new PersonalData(
        Map.of(
            "cost_alert", PersonalData.Erasure.ANONYMIZED,
            "cost_daily", PersonalData.Erasure.NONE_HELD,
            "spend_day", PersonalData.Erasure.NONE_HELD));
  }
}
