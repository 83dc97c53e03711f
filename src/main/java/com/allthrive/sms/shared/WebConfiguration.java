package com.allthrive.sms.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web details the contract fixes: a trailing slash is accepted on every API path (the plan writes
 * {@code /api/users/phone/verify/}), and answers are JSON, never XML (the Twilio SDK brings
 * Jackson's XML module onto the class path).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    var filter =
        UrlHandlerFilter.trailingSlashHandler("/api/**", "/webhooks/**").wrapRequest().build();
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder.configureMessageConvertersList(
        converters ->
            converters.removeIf(
                c ->
                    c.getSupportedMediaTypes().stream()
                        .anyMatch(t -> t.getSubtype().contains("xml"))));
  }
}
