package com.allthrive.sms.delivery;

/**
 * The life of one SMS. Status only moves forward: a later rank never gives way to an earlier one,
 * so a late {@code sent} callback cannot overwrite {@code delivered}.
 */
public enum MessageStatus {
  PENDING(0),
  SENDING(1),
  SENT(2),
  UNDELIVERED(3),
  FAILED(3),
  DELIVERED(4),
  EXPIRED(4),
  /** Refused by the send-time re-check (the reason is the error code); never sent. */
  CANCELED(4);

  private final int rank;

  MessageStatus(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  public boolean isFinal() {
    return rank >= 3;
  }

  public String code() {
    return name().toLowerCase();
  }

  public static MessageStatus fromCode(String code) {
    return valueOf(code.toUpperCase());
  }
}
