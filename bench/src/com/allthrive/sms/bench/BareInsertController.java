package com.allthrive.sms.bench;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark only, never part of the application: put on the class path with {@code
 * -Dloader.path} and switched on with {@code SMS_BENCH_BARE_INSERT=true}. {@code POST
 * /bench/bare-insert} inserts one row into {@code bench_bare} (created by bench/intake.sh) through
 * the same web stack, security filters and connection pool as the API: the ceiling of one HTTP
 * request plus one PostgreSQL insert on this machine.
 */
@RestController
@ConditionalOnProperty(name = "sms.bench.bare-insert", havingValue = "true")
class BareInsertController {

  private final JdbcClient jdbc;

  BareInsertController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/bench/bare-insert")
  Map<String, Object> insert(@RequestBody JsonNode body) {
    jdbc.sql("insert into bench_bare (payload, created_at) values (:payload, now())")
        .param("payload", body.toString())
        .update();
    return Map.of("ok", true);
  }
}
