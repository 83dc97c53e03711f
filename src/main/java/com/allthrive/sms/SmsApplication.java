package com.allthrive.sms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The AllThrive SMS notification service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmsApplication {

  public static void main(String[] args) {
    SpringApplication.run(SmsApplication.class, args);
  }
}
