package com.allthrive.sms.delivery;

/** Dispatch order: verification codes and security alerts go first. */
public enum Priority {
  HIGH(2),
  NORMAL(1),
  LOW(0);

  private final int weight;

  Priority(int weight) {
    this.weight = weight;
  }

  public int weight() {
    return weight;
  }

  public String code() {
    return name().toLowerCase();
  }
}
