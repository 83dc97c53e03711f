package com.allthrive.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.allthrive.sms.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform sends its events over a few kept-alive connections. Tomcat's default closes each
 * connection after 100 requests, so at 2,000 events a second the platform would open about 20
 * connections a second just to go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConnectionReuseTests {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.h2(registry);
  }

  @LocalServerPort int port;

  @Test
  void keepsAConnectionOpenFarPastAHundredRequests() throws IOException {
    int answered = 0;
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 250; i++) {
        out.write(
            "HEAD /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        assertThat(head).as("answer %d", i + 1).startsWith("HTTP/1.1 200");
        assertThat(head.toLowerCase()).as("answer %d", i + 1).doesNotContain("connection: close");
        answered++;
      }
    }
    assertThat(answered).isEqualTo(250);
  }

  /** The status line and headers of one answer to HEAD (which has no body). */
  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
