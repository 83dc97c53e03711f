package com.allthrive.sms.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** The machine the scenarios run on: its load average, and holding a fault for a set time. */
final class Machine {

  private Machine() {}

  /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} gives them. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Prints a line of the scenarios' results and adds it to {@code target/faults/report.txt}. */
  static void report(String line) {
    System.out.println(line);
    try {
      Files.writeString(
          Path.of("target", "faults", "report.txt"),
          line + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("cannot write target/faults/report.txt: " + e);
    }
  }

  /** Keeps a fault in place this long: the length of the fault, not a wait for a result. */
  static void hold(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
