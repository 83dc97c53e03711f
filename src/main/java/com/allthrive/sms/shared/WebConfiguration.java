package com.allthrive.sms.shared;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties.ForwardHeadersStrategy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web details the contract fixes: a trailing slash is accepted on every API path (the plan writes
 * {@code /api/users/phone/verify/}), and answers are JSON, never XML (the Twilio SDK brings
 * Jackson's XML module onto the class path).
 *
 * <p>{@code server.forward-headers-strategy=framework} is read when the service starts, not when it
 * is built: the ahead-of-time start (README, "Faster start") fixes every bean condition at build
 * time, and Spring Boot registers its forwarded-header filter only under a condition.
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

  @Bean
  FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaders(ServerProperties server) {
    var registration = new FilterRegistrationBean<>(new ForwardedHeaderFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setEnabled(server.getForwardHeadersStrategy() == ForwardHeadersStrategy.FRAMEWORK);
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
