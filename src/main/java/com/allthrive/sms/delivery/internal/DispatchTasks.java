package com.allthrive.sms.delivery.internal;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/** The db-scheduler task that sends one message; its instance id is the message id. */
final class DispatchTasks {

  static final TaskDescriptor<Void> DISPATCH = TaskDescriptor.of("sms-dispatch");

  private DispatchTasks() {}
}
