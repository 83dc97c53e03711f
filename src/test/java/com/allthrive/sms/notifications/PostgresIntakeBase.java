package com.allthrive.sms.notifications;

import com.allthrive.sms.support.PlatformHttp;
import com.allthrive.sms.support.RequiresPostgres;
import com.allthrive.sms.support.Tables;
import com.allthrive.sms.support.TestDatabases;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the intake's tests over HTTP on PostgreSQL share: the service on a random port on the local
 * PostgreSQL, its tables cleared before each test, and a pool to post events at once. A subclass
 * carries {@link RequiresPostgres} itself and adds its settings.
 */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class PostgresIntakeBase {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestDatabases.postgres(registry);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final ExecutorService pool = Executors.newCachedThreadPool();
  PlatformHttp http;

  @BeforeEach
  void clearTables() {
    Tables.clear(jdbc);
    http = new PlatformHttp(port);
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }
}
