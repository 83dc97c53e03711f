package com.allthrive.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class EndToEndPostgresTests extends EndToEndTests {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabases.postgres(registry);
    twilio(registry);
  }

  /**
   * PostgreSQL's own migrations tune the hot tables: room on the pages for heap-only updates, and
   * no automatic analysis of the scheduler's queue, whose every analysis made each connection plan
   * its statements on it again.
   */
  @Test
  void theHotTablesCarryTheirStorageSettings() {
    assertThat(options("sms_message")).contains("fillfactor=70");
    assertThat(options("platform_event")).contains("fillfactor=50");
    assertThat(options("scheduled_tasks")).contains("autovacuum_analyze_threshold=2000000000");
  }

  private String options(String table) {
    String sql = "select coalesce(array_to_string(reloptions, ','), '') from pg_class where oid = ";
    return jdbc.sql(sql + "to_regclass(:table)").param("table", table).query(String.class).single();
  }
}
