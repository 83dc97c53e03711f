import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The provider half of bench/end-to-end.sh's ceiling: THREADS threads each POST a Twilio-style form
 * (To, From, Body, StatusCallback, Basic auth) to the fake provider in a loop, with the HTTP client
 * settings of the service's TwilioHttpClient (a pool of 200 connections, 5 s connect and 10 s read
 * timeouts, no retries, redirects, cookies, auth caching or compression). Nothing else: no
 * database, no SDK. Prints calls/s, p50/p99/max latency and CPU ms per call of this JVM, over
 * SECONDS after a warm-up of WARMUP seconds.
 *
 * <p>Usage, with the service jar's libraries on the class path: {@code java -cp 'lib/*'
 * bench/ProviderLoop.java BASE_URL THREADS SECONDS [WARMUP]}
 */
public class ProviderLoop {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int threads = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    String sid = "AC00000000000000000000000000000000";
    String url = base + "/2010-04-01/Accounts/" + sid + "/Messages.json";
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((sid + ":bench-auth-token").getBytes(StandardCharsets.UTF_8));
    try (CloseableHttpClient client = client()) {
      var counting = new AtomicLong();
      var latencies = new ConcurrentLinkedQueue<long[]>();
      var measuring = new java.util.concurrent.atomic.AtomicBoolean(false);
      var stop = new java.util.concurrent.atomic.AtomicBoolean(false);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int worker = t;
        Thread thread =
            new Thread(
                () -> {
                  long[] mine = new long[1 << 20];
                  int count = 0;
                  long n = 0;
                  while (!stop.get()) {
                    long started = System.nanoTime();
                    call(client, url, auth, worker, n++);
                    if (measuring.get() && count < mine.length) {
                      mine[count++] = System.nanoTime() - started;
                      counting.incrementAndGet();
                    }
                  }
                  long[] kept = new long[count];
                  System.arraycopy(mine, 0, kept, 0, count);
                  latencies.add(kept);
                });
        workers.add(thread);
        thread.start();
      }
      Thread.sleep(warmup * 1000L);
      var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      long wallBefore = System.nanoTime();
      measuring.set(true);
      Thread.sleep(seconds * 1000L);
      measuring.set(false);
      long calls = counting.get();
      long wall = System.nanoTime() - wallBefore;
      long cpu = os.getProcessCpuTime() - cpuBefore;
      stop.set(true);
      for (Thread worker : workers) {
        worker.join();
      }
      long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
      System.out.printf(
          "provider loop: %d threads, %d calls, %.1f calls/s, p50 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms, CPU %.3f ms/call%n",
          threads,
          calls,
          calls / (wall / 1e9),
          percentile(all, 50),
          percentile(all, 99),
          all.length == 0 ? 0 : all[all.length - 1] / 1e6,
          calls == 0 ? 0 : cpu / 1e6 / calls);
    }
  }

  private static void call(
      CloseableHttpClient client, String url, String auth, int worker, long n) {
    HttpPost post = new HttpPost(url);
    post.setHeader("Authorization", auth);
    post.setHeader("Accept", "application/json");
    String to = "%2B1202" + (2_000_000 + (worker * 100_000L + n) % 8_000_000);
    post.setEntity(
        new StringEntity(
            "To="
                + to
                + "&From=%2B15005550006&Body=Ada+has+challenged+you+to+a+battle+on+AllThrive%21"
                + "&StatusCallback=http%3A%2F%2Flocalhost%3A18340%2Fwebhooks%2Ftwilio%2Fstatus",
            ContentType.APPLICATION_FORM_URLENCODED));
    try {
      client.execute(
          post,
          response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
          });
    } catch (Exception e) {
      System.err.println("call failed: " + e);
    }
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, (long) sorted.length * p / 100)] / 1e6;
  }

  private static CloseableHttpClient client() {
    Timeout connect = Timeout.ofSeconds(5);
    Timeout read = Timeout.ofSeconds(10);
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(200)
            .setMaxConnPerRoute(200)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
            .build();
    return HttpClientBuilder.create()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setResponseTimeout(read)
                .setConnectionRequestTimeout(connect)
                .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableConnectionState()
        .disableContentCompression()
        .build();
  }
}
